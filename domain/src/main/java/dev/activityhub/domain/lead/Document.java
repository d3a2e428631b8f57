package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Text;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A file uploaded for a lead. Its bytes live in the content store under {@code (workspaceId, id)};
 * this record keeps what describes them, including their SHA-256 and size.
 *
 * @param leadChecklistItemId the lead's checklist item the file answers, or null
 * @param metadata            free JSON object sent with the upload, or null
 */
public record Document(UUID workspaceId, UUID id, UUID leadId, UUID leadChecklistItemId, String filename,
                       String mimeType, long size, String sha256, Map<String, Object> metadata, Instant uploadedAt) {

    public static final String DEFAULT_MIME_TYPE = "application/octet-stream";

    public Document {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A safe display name: the last path segment, control characters dropped, at most 255 characters. */
    public static String cleanFilename(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** The content type as sent, or application/octet-stream when missing or malformed. */
    public static String cleanMimeType(String raw) {
        String type = Text.trimToNull(raw);
        if (type == null || type.length() > 200 || !type.matches("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?")) {
            return DEFAULT_MIME_TYPE;
        }
        return type;
    }
}
