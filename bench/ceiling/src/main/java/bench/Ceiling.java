package bench;

import io.javalin.Javalin;

import java.util.Arrays;
import java.util.UUID;

/**
 * The benchmark's ceiling: bare Javalin, constant JSON, no logging, no database. It doubles as the
 * webhook receiver of the webhooks case ({@code POST /hook}), which keeps for each delivery its lag:
 * arrival minus the event's time, read from the {@code webhook-id} header (the event's UUIDv7 id,
 * whose first 48 bits are its creation time in Unix milliseconds).
 */
public final class Ceiling {
    private static final String CREATED = "{\"success\":true,\"actionLogId\":\"00000000-0000-0000-0000-000000000000\"}";
    private static final String OK = "{\"status\":\"UP\"}";

    private static final Object LOCK = new Object();
    private static long[] lags = new long[1 << 16];
    private static int count;
    private static long firstArrival;
    private static long lastArrival;

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "7071"));
        String host = System.getenv().getOrDefault("CEILING_HOST", "127.0.0.1");
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/v1/activity", ctx -> ctx.status(201).contentType("application/json").result(CREATED));
            config.routes.post("/hook", ctx -> {
                received(ctx.header("webhook-id"));
                ctx.status(204);
            });
            config.routes.get("/hook/stats", ctx -> ctx.contentType("application/json").result(stats()));
            config.routes.delete("/hook/stats", ctx -> {
                synchronized (LOCK) {
                    count = 0;
                }
                ctx.status(204);
            });
            config.routes.get("/*", ctx -> ctx.contentType("application/json").result(OK));
            config.routes.post("/*", ctx -> ctx.contentType("application/json").result(OK));
        }).start(host, port);
    }

    private static void received(String webhookId) {
        long now = System.currentTimeMillis();
        long lag = -1;
        try {
            lag = now - (UUID.fromString(webhookId).getMostSignificantBits() >>> 16);
        } catch (RuntimeException e) {
            // not a UUIDv7 id: counted, lag unknown
        }
        synchronized (LOCK) {
            if (count == lags.length) {
                lags = Arrays.copyOf(lags, count * 2);
            }
            if (count == 0) {
                firstArrival = now;
            }
            lags[count++] = lag;
            lastArrival = now;
        }
    }

    /** {"count", "firstMs", "lastMs", "p50", "p99", "max"} (lags in ms) since the last reset. */
    private static String stats() {
        long[] sorted;
        long first;
        long last;
        synchronized (LOCK) {
            sorted = Arrays.copyOf(lags, count);
            first = firstArrival;
            last = lastArrival;
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        return "{\"count\":" + n + ",\"firstMs\":" + first + ",\"lastMs\":" + last
                + ",\"p50\":" + (n == 0 ? 0 : sorted[(n - 1) / 2])
                + ",\"p99\":" + (n == 0 ? 0 : sorted[(int) Math.ceil(n * 0.99) - 1])
                + ",\"max\":" + (n == 0 ? 0 : sorted[n - 1]) + "}";
    }
}
