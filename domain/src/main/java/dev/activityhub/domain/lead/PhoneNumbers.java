package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import java.util.List;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.activityhub.domain.shared.ValidationException;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Normalises phone numbers of any country to E.164 ({@code +16782319992}, {@code +442079460958}) with
 * Google's libphonenumber. A number written with a country code ({@code +44 20 7946 0958}) keeps it; one
 * written without ({@code 020 7946 0958}) is read as a number of the default region, which the operator
 * configures (the vendor's home market, {@code US}, unless told otherwise). Only numbers that the library's
 * metadata holds valid are accepted: anything else is refused rather than guessed.
 *
 * <p>An immutable value: each instance carries its default region, so nothing global changes when the
 * region is configured.
 */
public final class PhoneNumbers {
    /** The default region when none is configured: the vendor's home market. */
    public static final String DEFAULT_REGION = "US";

    /** Digits, the usual separators and at most one leading {@code +}: no letters (no vanity numbers, no extensions). */
    private static final Pattern WRITTEN_NUMBER = Pattern.compile("\\+?[0-9 ()./\\-]{1,40}");
    // The library's own shared, thread-safe instance over its read-only metadata.
    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();
    private static final int MEXICO = 52;

    private final String defaultRegion;

    private PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * Reads numbers without a country code as numbers of {@code region}, an ISO 3166-1 alpha-2 code the
     * library knows ({@code US}, {@code GB}, {@code MX}, ...); an IllegalArgumentException otherwise.
     */
    public static PhoneNumbers withDefaultRegion(String region) {
        Objects.requireNonNull(region, "region");
        String code = region.strip().toUpperCase(Locale.ROOT);
        if (!LIBRARY.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("Unknown phone region '" + region
                    + "': expected an ISO 3166-1 alpha-2 country code such as US, GB or MX");
        }
        return new PhoneNumbers(code);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The E.164 form of {@code raw}; a ValidationException on {@code field} when it is not a valid phone number. */
    public String toE164(String field, String raw) {
        String written = raw == null ? "" : raw.strip();
        if (WRITTEN_NUMBER.matcher(written).matches()) {
            try {
                PhoneNumber number = withoutMexicanMobilePrefix(LIBRARY.parse(written, defaultRegion));
                if (LIBRARY.isValidNumber(number)) {
                    return LIBRARY.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                }
            } catch (NumberParseException e) {
                // not a number at all: refused below, like a number of the wrong shape
            }
        }
        throw new ValidationException(List.of(FieldError.about(field, Rule.NOT_A_PHONE, defaultRegion, raw)));
    }

    /**
     * Mexico dropped the {@code 1} that used to follow {@code +52} on mobile numbers (2019), and the library's
     * metadata no longer accepts it; people and messaging apps still write {@code +52 1 55 1234 5678}. That
     * number is the same line as {@code +52 55 1234 5678}, so the legacy digit is dropped when what remains is valid.
     */
    private static PhoneNumber withoutMexicanMobilePrefix(PhoneNumber number) {
        String national = Long.toString(number.getNationalNumber());
        if (number.getCountryCode() != MEXICO || national.length() != 11 || !national.startsWith("1")
                || LIBRARY.isValidNumber(number)) {
            return number;
        }
        PhoneNumber current = new PhoneNumber().setCountryCode(MEXICO)
                .setNationalNumber(Long.parseLong(national.substring(1)));
        return LIBRARY.isValidNumber(current) ? current : number;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumbers other && other.defaultRegion.equals(defaultRegion);
    }

    @Override
    public int hashCode() {
        return defaultRegion.hashCode();
    }

    @Override
    public String toString() {
        return "PhoneNumbers[defaultRegion=" + defaultRegion + "]";
    }
}
