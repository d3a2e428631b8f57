package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

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
    /** Characters a key may have, its first a letter. */
    public static final int MAX_KEY = 64;
    public static final int MAX_LABEL = 200;
    /** Characters of a caller-provided key's free-text source. */
    public static final int MAX_NOTE = 200;

    /** Letters, digits, {@code _ . -}: such a key is written verbatim inside JSON, so stores can search for it. */
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0," + (MAX_KEY - 1) + "}");

    public AttributeKeyDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(policy, "policy");
        if (policy.readsCommerce() && !AttributeCatalog.isSource(source)) {
            throw new IllegalArgumentException("no commerce source '" + source + "' for key " + key);
        }
    }

    /** The entry's key, trimmed: required, and {@link #KEY a key}. */
    public static String key(String field, String key) {
        String k = Text.trimToNull(key);
        if (k == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, key);
        }
        if (!KEY.matcher(k).matches()) {
            throw ValidationException.of(field, Rule.NOT_A_KEY, MAX_KEY, key);
        }
        return k;
    }

    /** The entry's label, trimmed: required, at most {@value #MAX_LABEL} characters. */
    public static String label(String field, String label) {
        String l = Text.trimToNull(label);
        if (l == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, label);
        }
        if (l.length() > MAX_LABEL) {
            throw ValidationException.of(field, Rule.TOO_LONG, MAX_LABEL, label);
        }
        return l;
    }

    /**
     * The entry's source, trimmed. A key whose policy reads the commerce needs one of
     * {@link AttributeCatalog#sources()} (a key that is itself a source name defaults to it); any other key
     * (or one whose policy is unknown: null) may note where callers take the value from, in at most
     * {@value #MAX_NOTE} characters.
     *
     * @param key the entry's key as given (trimmed; null when absent), for the default
     */
    public static String source(String field, AttributePolicy policy, String key, String source) {
        String s = Text.trimToNull(source);
        if (policy != null && policy.readsCommerce()) {
            if (s == null && key != null && AttributeCatalog.isSource(key)) {
                s = key;
            }
            if (!AttributeCatalog.isSource(s)) {
                throw new ValidationException(List.of(FieldError.listing(field, Rule.NOT_A_SOURCE,
                        AttributeCatalog.sources(), policy.name(), source)));
            }
        } else if (s != null && s.length() > MAX_NOTE) {
            throw ValidationException.of(field, Rule.TOO_LONG, MAX_NOTE, source);
        }
        return s;
    }
}
