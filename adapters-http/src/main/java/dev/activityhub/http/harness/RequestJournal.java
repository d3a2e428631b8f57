package dev.activityhub.http.harness;

import dev.activityhub.http.shared.ApiFamily;
import dev.activityhub.http.shared.Principals;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the server answered in harness mode, oldest first, so a test can check what its client really sent.
 * Bounded in memory; credentials never enter it; {@code /__harness} calls are not recorded.
 */
final class RequestJournal {
    static final int CAPACITY = 10_000;
    static final int BODY_LIMIT_BYTES = 64 * 1024;
    static final String MASK = "***";
    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie");

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final int capacity;
    private long lastSequence;

    RequestJournal() {
        this(CAPACITY);
    }

    /** @param capacity how many of the latest requests are kept */
    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    record Entry(long sequence, String family, String method, String path, String query, Map<String, String> headers,
                 String body, boolean bodyTruncated, int status, double durationMs, String workspaceId) {
    }

    void record(Context ctx, long durationNanos) {
        if (ctx.path().startsWith("/__harness") || ctx.path().startsWith(HarnessRoutes.SINK_PATH)) {
            return; // the harness's own control calls and the deliveries to its sinks are not the client's requests
        }
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) ->
                headers.put(name, CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value));
        byte[] body = body(ctx);
        boolean truncated = body.length > BODY_LIMIT_BYTES;
        UUID workspace = Principals.workspaceOrNull(ctx);
        String family = ApiFamily.ofPath(ctx.path()).name().toLowerCase(Locale.ROOT);
        double durationMs = Math.round(durationNanos / 100_000.0) / 10.0;
        synchronized (this) {
            entries.addLast(new Entry(++lastSequence, family, ctx.method().name(), ctx.path(), ctx.queryString(), headers,
                    new String(truncated ? Arrays.copyOf(body, BODY_LIMIT_BYTES) : body, StandardCharsets.UTF_8),
                    truncated, ctx.statusCode(), durationMs, workspace == null ? null : workspace.toString()));
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
    }

    private static byte[] body(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return new byte[0]; // uploads are files, not what a contract test asserts on
        }
        try {
            return ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            return new byte[0]; // a body the server refused to read (too large, cut off)
        }
    }

    synchronized List<Entry> matching(Predicate<Entry> filter) {
        return entries.stream().filter(filter).toList();
    }

    synchronized void clear() {
        entries.clear();
    }
}
