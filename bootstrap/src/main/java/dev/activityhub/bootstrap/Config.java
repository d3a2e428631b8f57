package dev.activityhub.bootstrap;

import dev.activityhub.jdbc.shared.DatabaseSettings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything configurable, read once from the environment and command-line flags. The README's
 * configuration table lists the same names.
 */
public record Config(
        String host,
        int port,
        DatabaseSettings database,
        Optional<String> adminToken,
        long maxRequestBytes,
        Optional<Long> seed,
        WebhookSettings webhooks) {

    public static final int DEFAULT_PORT = 7070;

    public static Config from(Map<String, String> env, String[] args) {
        List<String> flags = Arrays.asList(args);
        int port = Integer.parseInt(env.getOrDefault("PORT", Integer.toString(DEFAULT_PORT)));
        String host = env.getOrDefault("ACTIVITYHUB_HOST", "0.0.0.0");
        DatabaseSettings database;
        String jdbcUrl = env.get("ACTIVITYHUB_JDBC_URL");
        if (flags.contains("--in-memory") || "mem".equalsIgnoreCase(env.get("ACTIVITYHUB_DB"))) {
            database = DatabaseSettings.h2InMemory("activityhub-" + UUID.randomUUID());
        } else if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            database = new DatabaseSettings(jdbcUrl, env.get("ACTIVITYHUB_JDBC_USER"),
                    env.get("ACTIVITYHUB_JDBC_PASSWORD"), DatabaseSettings.vendorOf(jdbcUrl),
                    Integer.parseInt(env.getOrDefault("ACTIVITYHUB_DB_POOL_SIZE", "10")));
        } else {
            database = DatabaseSettings.h2File(Path.of(env.getOrDefault("ACTIVITYHUB_DATA", "./data")));
        }
        Optional<String> adminToken = Optional.ofNullable(env.get("ACTIVITYHUB_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        long maxBody = Long.parseLong(env.getOrDefault("ACTIVITYHUB_MAX_REQUEST_BYTES", Long.toString(30L * 1024 * 1024)));
        Optional<Long> seed = flagValue(flags, "--seed").map(Long::parseLong);
        return new Config(host, port, database, adminToken, maxBody, seed, WebhookSettings.fromEnv(env));
    }

    /** In-memory, random port, loopback only: what the HTTP tests start. */
    public static Config forTests(String adminToken) {
        return new Config("127.0.0.1", 0, DatabaseSettings.h2InMemory("test-" + UUID.randomUUID()),
                Optional.ofNullable(adminToken), 30L * 1024 * 1024, Optional.empty(), WebhookSettings.defaults());
    }

    public Config withDatabase(DatabaseSettings settings) {
        return new Config(host, port, settings, adminToken, maxRequestBytes, seed, webhooks);
    }

    public Config withWebhooks(WebhookSettings settings) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, settings);
    }

    private static Optional<String> flagValue(List<String> flags, String name) {
        int i = flags.indexOf(name);
        return i >= 0 && i + 1 < flags.size() ? Optional.of(flags.get(i + 1)) : Optional.empty();
    }
}
