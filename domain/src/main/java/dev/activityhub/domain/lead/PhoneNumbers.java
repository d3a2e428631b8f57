package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;

import java.util.regex.Pattern;

/**
 * Normalises phone numbers to E.164 ({@code +16782319992}). Deliberately small: formatting
 * characters are stripped, an explicit {@code +} keeps its country code, and bare numbers are read
 * as North American (NANP), the vendor's home market. Anything else is rejected rather than guessed.
 */
public final class PhoneNumbers {
    private static final Pattern FORMATTING = Pattern.compile("[\\s\\-.()]");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern NANP_TEN = Pattern.compile("\\d{10}");
    private static final Pattern NANP_ELEVEN = Pattern.compile("1\\d{10}");

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code raw}; a ValidationException on {@code field} when it is not a phone number. */
    public static String toE164(String field, String raw) {
        String cleaned = raw == null ? "" : FORMATTING.matcher(raw.strip()).replaceAll("");
        if (INTERNATIONAL.matcher(cleaned).matches()) {
            return cleaned;
        }
        if (NANP_TEN.matcher(cleaned).matches()) {
            return "+1" + cleaned;
        }
        if (NANP_ELEVEN.matcher(cleaned).matches()) {
            return "+" + cleaned;
        }
        throw ValidationException.of(field, "value_error",
                field + " must be a phone number: +<country code><number> (8 to 15 digits) or a 10-digit US number",
                raw);
    }
}
