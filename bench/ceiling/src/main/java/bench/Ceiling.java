package bench;

import io.javalin.Javalin;

/** The benchmark's ceiling: bare Javalin, constant JSON, no logging, no database. */
public final class Ceiling {
    private static final String CREATED = "{\"success\":true,\"actionLogId\":\"00000000-0000-0000-0000-000000000000\"}";
    private static final String OK = "{\"status\":\"UP\"}";

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "7071"));
        String host = System.getenv().getOrDefault("CEILING_HOST", "127.0.0.1");
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/v1/activity", ctx -> ctx.status(201).contentType("application/json").result(CREATED));
            config.routes.get("/*", ctx -> ctx.contentType("application/json").result(OK));
            config.routes.post("/*", ctx -> ctx.contentType("application/json").result(OK));
        }).start(host, port);
    }
}
