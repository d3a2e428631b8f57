package dev.activityhub.http.lead;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The headers a document download is served with. The uploader chose the stored type, so only types a
 * browser shows without running anything are served as themselves; everything else (HTML, SVG, XML,
 * scripts, types with injected parameters) is served as {@code application/octet-stream}. The file name
 * follows RFC 6266: an ASCII {@code filename} for old clients and an RFC 5987 {@code filename*} in UTF-8
 * so non-ASCII names survive.
 */
final class DownloadHeaders {
    static final String FALLBACK_TYPE = "application/octet-stream";

    /** Served as themselves (lower case, without parameters). */
    static final Set<String> SAFE_TYPES = Set.of(
            "application/pdf",
            "image/png", "image/jpeg", "image/gif", "image/webp",
            "text/plain", "text/csv",
            "application/json",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/zip");

    private DownloadHeaders() {
    }

    /** The stored type when it is on the allow-list (parameters dropped), else {@value #FALLBACK_TYPE}. */
    static String contentType(String stored) {
        if (stored == null) {
            return FALLBACK_TYPE;
        }
        int parameters = stored.indexOf(';');
        String bare = (parameters < 0 ? stored : stored.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return SAFE_TYPES.contains(bare) ? bare : FALLBACK_TYPE;
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). */
    static String contentDisposition(String filename) {
        return "attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + rfc5987(filename);
    }

    /** Printable ASCII only, without the quote and backslash a quoted-string would need escaped. */
    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-char as is, every other UTF-8 byte as %XX. */
    private static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
