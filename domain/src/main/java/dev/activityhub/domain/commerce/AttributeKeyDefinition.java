package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One key of a tenant's attribute catalog.
 *
 * @param source for {@code UPFRONT} and {@code ON_DISPATCH}: the commerce data the value is read from, one of
 *               {@link AttributeCatalog#sources()} (defaults to the key when the key is one of them); for
 *               {@code CALLER_PROVIDED}: optional free text saying where callers take the value from
 */
public record AttributeKeyDefinition(String key, String label, AttributePolicy policy, String source) {
    /** Letters, digits, {@code _ . -}: such a key is written verbatim inside JSON, so stores can search for it. */
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    public AttributeKeyDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(policy, "policy");
        if (policy.readsCommerce() && !AttributeCatalog.isSource(source)) {
            throw new IllegalArgumentException("no commerce source '" + source + "' for key " + key);
        }
    }

    /** Validates one entry of {@code attribute_keys}, naming fields {@code attribute_keys.N.*}; reports all failures. */
    public static AttributeKeyDefinition of(int index, String key, String label, String policy, String source) {
        String p = "attribute_keys." + index + ".";
        List<FieldError> errors = new ArrayList<>();
        String k = Text.trimToNull(key);
        if (k == null) {
            errors.add(FieldError.of(p + "key", Rule.REQUIRED, key));
        } else if (!KEY.matcher(k).matches()) {
            errors.add(new FieldError(p + "key", "pattern", p + "key must start with a letter and contain only"
                    + " letters, digits, '_', '.' or '-' (at most 64 characters)", key));
        }
        String l = Text.trimToNull(label);
        if (l == null) {
            errors.add(FieldError.of(p + "label", Rule.REQUIRED, label));
        } else if (l.length() > 200) {
            errors.add(FieldError.of(p + "label", Rule.TOO_LONG, 200, label));
        }
        AttributePolicy parsed = null;
        try {
            parsed = AttributePolicy.parse(p + "policy", policy);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        String s = Text.trimToNull(source);
        if (parsed != null && parsed.readsCommerce()) {
            if (s == null && k != null && AttributeCatalog.isSource(k)) {
                s = k;
            }
            if (!AttributeCatalog.isSource(s)) {
                errors.add(new FieldError(p + "source", s == null ? "missing" : "enum", p + "source must be one of the"
                        + " following values: " + String.join(", ", AttributeCatalog.sources()) + " (the commerce data a "
                        + parsed + " key is read from)", source));
            }
        } else if (s != null && s.length() > 200) {
            errors.add(FieldError.of(p + "source", Rule.TOO_LONG, 200, source));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AttributeKeyDefinition(k, l, parsed, s);
    }
}
