package dev.activityhub.domain.webhook;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A signing secret in the Standard Webhooks format {@code whsec_<base64>}. The HMAC key is the
 * base64-decoded part, not the text, which is what every Standard Webhooks library expects.
 */
public record WebhookSecret(String value) {
    public static final String PREFIX = "whsec_";
    /** 192 bits, as the reference sender generates. */
    public static final int GENERATED_BYTES = 24;
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
    }

    /** A client-chosen secret; it must be {@code whsec_} plus base64 of 24 to 64 bytes. */
    public static WebhookSecret parse(String field, String value) {
        ValidationException invalid = new ValidationException(List.of(
                FieldError.between(field, Rule.NOT_A_SECRET, MIN_BYTES, MAX_BYTES, null)));
        if (value == null || !value.startsWith(PREFIX)) {
            throw invalid;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw invalid;
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw invalid;
        }
        return new WebhookSecret(value);
    }

    /** A new secret from random bytes given as hex (what the shared secret generator yields). */
    public static WebhookSecret fromRandomHex(String hex) {
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)));
    }

    /** The HMAC key. */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    /** Never print the secret in logs. */
    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
