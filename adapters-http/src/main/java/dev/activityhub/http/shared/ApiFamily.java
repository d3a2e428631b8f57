package dev.activityhub.http.shared;

/**
 * The API families this service speaks. Each has its own error body, chosen from the request path
 * so that even a request that matched no route (404, 405) gets its family's shape.
 */
public enum ApiFamily {
    /** Omni-style leads and activity: {@code {"success": false, "error": {"code", "message"}}}. */
    LEADS,
    /** Omi-style action items (FastAPI): {@code {"detail": ...}}, 422 for validation. */
    ACTION_ITEMS,
    /** Reten-style commerce API (NestJS): {@code {"statusCode", "message", "error"}}. */
    COMMERCE,
    /** Our own admin and harness endpoints: the LEADS shape. */
    ADMIN;

    public static ApiFamily ofPath(String path) {
        if (path.startsWith("/v1/dev/")) {
            return ACTION_ITEMS;
        }
        if (path.startsWith("/api/v1/")) {
            return LEADS;
        }
        if (path.startsWith("/api/")) {
            return COMMERCE;
        }
        return ADMIN;
    }
}
