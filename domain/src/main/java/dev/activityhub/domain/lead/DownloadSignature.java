package dev.activityhub.domain.lead;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Signed download links: HMAC-SHA256 (RFC 2104, over {@link MessageDigest} so the domain needs only
 * the JDK) of {@code "<workspaceId>:<documentId>:<expiresEpochSeconds>"} with the workspace's
 * signing secret, base64url without padding. A link is good until {@code expires} and only for that
 * document; changing any part breaks the signature.
 */
public final class DownloadSignature {
    public static final Duration VALIDITY = Duration.ofHours(1);
    private static final int BLOCK = 64;

    private DownloadSignature() {
    }

    public static String sign(String secretHex, UUID workspaceId, UUID documentId, long expiresEpochSeconds) {
        byte[] mac = hmacSha256(HexFormat.of().parseHex(secretHex),
                (workspaceId + ":" + documentId + ":" + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** True when the signature matches and {@code now} is before the expiry (compared in constant time). */
    public static boolean verify(String secretHex, UUID workspaceId, UUID documentId, long expiresEpochSeconds,
                                 String signature, Instant now) {
        if (signature == null || now.getEpochSecond() >= expiresEpochSeconds) {
            return false;
        }
        byte[] expected = sign(secretHex, workspaceId, documentId, expiresEpochSeconds)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        MessageDigest sha = sha256();
        byte[] k = key.length > BLOCK ? sha.digest(key) : key;
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        sha.update(inner);
        byte[] innerHash = sha.digest(message);
        sha.update(outer);
        return sha.digest(innerHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
