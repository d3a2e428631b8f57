package dev.activityhub.application.identity.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a key's plaintext: keys are high-entropy random strings, so a fast hash is the right tool. */
public final class KeyHashing {
    /** One digest per thread: MessageDigest.getInstance looks the provider up again on every call (every request). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    });

    private KeyHashing() {
    }

    public static String sha256Hex(String plaintext) {
        return HexFormat.of().formatHex(digest(plaintext));
    }

    /** Constant-time comparison of two hex hashes, so timing reveals nothing about a stored hash. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] digest(String plaintext) {
        return SHA_256.get().digest(plaintext.getBytes(StandardCharsets.UTF_8)); // digest() leaves it reset
    }
}
