package dev.activityhub.bootstrap;

import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.jdbc.shared.DatabaseSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        boolean harness,
        Optional<String> fixturesFile,
        int devApiRateLimitPerMinute,
        int devApiDailyLimitPerUser,
        WebhookSettings webhooks,
        Duration dispatchInterval,
        Optional<Path> documentsDir,
        long maxUploadBytes,
        PhoneNumbers phoneNumbers) {

    public static final int DEFAULT_PORT = 7070;
    /** Hosts the harness may post webhooks to without an explicit allow-list. */
    private static final Set<String> HARNESS_WEBHOOK_HOSTS = Set.of("127.0.0.1", "localhost", "::1");
    /** How often due commerce activities are dispatched (the vendor's scheduler runs every 30 s). */
    public static final Duration DEFAULT_DISPATCH_INTERVAL = Duration.ofSeconds(30);
    /** Requests per minute per developer key (the vendor's documented default). */
    public static final int DEFAULT_DEV_API_RATE_LIMIT = 100;
    /** Requests per UTC day per developer-API user, over all of the user's keys (the vendor's documented limit). */
    public static final int DEFAULT_DEV_API_DAILY_LIMIT = 10_000;
    /** Per uploaded file ({@code ACTIVITYHUB_MAX_UPLOAD_BYTES}). */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;
    private static final long DEFAULT_MAX_REQUEST_BYTES = 30L * 1024 * 1024;
    /** Room for the multipart framing and form fields around ten full-size files. */
    private static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

    /** The default request limit: large enough for ten files of the per-file limit in one upload. */
    static long defaultMaxRequestBytes(long maxUploadBytes) {
        return Math.max(DEFAULT_MAX_REQUEST_BYTES, 10 * maxUploadBytes + MULTIPART_OVERHEAD_BYTES);
    }

    public static Config from(Map<String, String> env, String[] args) {
        List<String> flags = Arrays.asList(args);
        int port = Integer.parseInt(env.getOrDefault("PORT", Integer.toString(DEFAULT_PORT)));
        DatabaseSettings database;
        Optional<Path> documentsDir = Optional.empty();
        String jdbcUrl = env.get("ACTIVITYHUB_JDBC_URL");
        boolean harness = flags.contains("--harness");
        // The harness has a well-known admin token and loads fixtures: it listens on loopback unless told otherwise.
        String host = env.getOrDefault("ACTIVITYHUB_HOST", harness ? "127.0.0.1" : "0.0.0.0");
        if (harness || flags.contains("--in-memory") || "mem".equalsIgnoreCase(env.get("ACTIVITYHUB_DB"))) {
            database = DatabaseSettings.h2InMemory("activityhub-" + UUID.randomUUID());
        } else if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            database = new DatabaseSettings(jdbcUrl, env.get("ACTIVITYHUB_JDBC_USER"),
                    env.get("ACTIVITYHUB_JDBC_PASSWORD"), DatabaseSettings.vendorOf(jdbcUrl),
                    Integer.parseInt(env.getOrDefault("ACTIVITYHUB_DB_POOL_SIZE", "10")));
            // Several instances share one PostgreSQL: documents live there too, unless a directory that
            // every instance mounts is named explicitly. A local disk would hide files from the others.
            documentsDir = Optional.ofNullable(env.get("ACTIVITYHUB_DOCUMENTS_DIR")).filter(d -> !d.isBlank()).map(Path::of);
        } else {
            documentsDir = Optional.of(Path.of(env.getOrDefault("ACTIVITYHUB_DOCUMENTS_DIR",
                    Path.of(env.getOrDefault("ACTIVITYHUB_DATA", "./data"), "documents").toString())));
            database = DatabaseSettings.h2File(Path.of(env.getOrDefault("ACTIVITYHUB_DATA", "./data")))
                    .withWriteJournal(isOn(env.get("ACTIVITYHUB_WRITE_JOURNAL")));
        }
        Optional<String> adminToken = Optional.ofNullable(env.get("ACTIVITYHUB_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        long maxUpload = Long.parseLong(env.getOrDefault("ACTIVITYHUB_MAX_UPLOAD_BYTES",
                Long.toString(DEFAULT_MAX_UPLOAD_BYTES)));
        long maxBody = Long.parseLong(env.getOrDefault("ACTIVITYHUB_MAX_REQUEST_BYTES",
                Long.toString(defaultMaxRequestBytes(maxUpload))));
        Optional<Long> seed = flagValue(flags, "--seed").map(Long::parseLong);
        int devApiRateLimit = Integer.parseInt(env.getOrDefault("ACTIVITYHUB_DEV_API_RATE_LIMIT_PER_MINUTE",
                Integer.toString(DEFAULT_DEV_API_RATE_LIMIT)));
        int devApiDailyLimit = Integer.parseInt(env.getOrDefault("ACTIVITYHUB_DEV_API_RATE_LIMIT_PER_DAY",
                Integer.toString(DEFAULT_DEV_API_DAILY_LIMIT)));
        WebhookSettings webhooks = WebhookSettings.fromEnv(env);
        if (harness) {
            webhooks = webhooks.withUnsentEventsRecorded(true); // GET /__harness/events lists every event
            if (!env.containsKey("ACTIVITYHUB_WEBHOOK_ALLOW_HOSTS")) {
                webhooks = webhooks.withAllowHosts(HARNESS_WEBHOOK_HOSTS); // contract tests run their receivers locally
            } else {
                // The harness's own webhook sinks stay reachable whatever else the allow-list says.
                Set<String> hosts = new HashSet<>(webhooks.allowHosts());
                hosts.add(ActivityHubServer.origin(host, 1).getHost());
                webhooks = webhooks.withAllowHosts(Set.copyOf(hosts));
            }
        }
        return new Config(host, port, database, adminToken, maxBody, seed, harness, flagValue(flags, "--fixtures"),
                devApiRateLimit, devApiDailyLimit, webhooks, dispatchInterval(env), documentsDir, maxUpload,
                defaultPhoneRegion(env));
    }

    /**
     * In-memory, random port, loopback only: what the HTTP tests start. Events no webhook will be sent are
     * recorded, as in the harness, because tests read the events their requests raised from the outbox.
     */
    public static Config forTests(String adminToken) {
        return new Config("127.0.0.1", 0, DatabaseSettings.h2InMemory("test-" + UUID.randomUUID()),
                Optional.ofNullable(adminToken), defaultMaxRequestBytes(DEFAULT_MAX_UPLOAD_BYTES), Optional.empty(),
                false, Optional.empty(), DEFAULT_DEV_API_RATE_LIMIT, DEFAULT_DEV_API_DAILY_LIMIT,
                WebhookSettings.defaults().withUnsentEventsRecorded(true),
                DEFAULT_DISPATCH_INTERVAL, Optional.empty(), DEFAULT_MAX_UPLOAD_BYTES,
                PhoneNumbers.withDefaultRegion(PhoneNumbers.DEFAULT_REGION));
    }

    /** The contract-test harness: in-memory, loopback, with the given admin token. */
    public static Config forHarness(String adminToken, int port, Optional<Long> seed) {
        return new Config("127.0.0.1", port, DatabaseSettings.h2InMemory("harness-" + UUID.randomUUID()),
                Optional.of(adminToken), defaultMaxRequestBytes(DEFAULT_MAX_UPLOAD_BYTES), seed, true, Optional.empty(),
                DEFAULT_DEV_API_RATE_LIMIT, DEFAULT_DEV_API_DAILY_LIMIT,
                WebhookSettings.defaults().withAllowHosts(HARNESS_WEBHOOK_HOSTS).withUnsentEventsRecorded(true),
                DEFAULT_DISPATCH_INTERVAL, Optional.empty(), DEFAULT_MAX_UPLOAD_BYTES,
                PhoneNumbers.withDefaultRegion(PhoneNumbers.DEFAULT_REGION));
    }

    public Config withDatabase(DatabaseSettings settings) {
        return new Config(host, port, settings, adminToken, maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, devApiDailyLimitPerUser, webhooks, dispatchInterval, documentsDir, maxUploadBytes, phoneNumbers);
    }

    public Config withAdminToken(String token) {
        return new Config(host, port, database, Optional.of(token), maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, devApiDailyLimitPerUser, webhooks, dispatchInterval, documentsDir, maxUploadBytes, phoneNumbers);
    }

    public Config withDevApiRateLimit(int perMinute) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, harness, fixturesFile, perMinute,
                devApiDailyLimitPerUser, webhooks, dispatchInterval, documentsDir, maxUploadBytes, phoneNumbers);
    }

    public Config withDevApiDailyLimit(int perUserPerDay) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, perUserPerDay, webhooks, dispatchInterval, documentsDir, maxUploadBytes, phoneNumbers);
    }

    public Config withWebhooks(WebhookSettings settings) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, devApiDailyLimitPerUser, settings, dispatchInterval, documentsDir, maxUploadBytes, phoneNumbers);
    }

    public Config withDispatchInterval(Duration interval) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, devApiDailyLimitPerUser, webhooks, interval, documentsDir, maxUploadBytes, phoneNumbers);
    }

    /** Per-file upload limit; the request limit grows to fit ten such files (tests use small limits). */
    public Config withMaxUploadBytes(long bytes) {
        return new Config(host, port, database, adminToken, Math.max(maxRequestBytes, defaultMaxRequestBytes(bytes)),
                seed, harness, fixturesFile, devApiRateLimitPerMinute, devApiDailyLimitPerUser, webhooks, dispatchInterval,
                documentsDir, bytes, phoneNumbers);
    }

    /** Stores document content under this directory instead of the database. */
    public Config withDocumentsDir(Path dir) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, devApiDailyLimitPerUser, webhooks, dispatchInterval, Optional.of(dir), maxUploadBytes, phoneNumbers);
    }

    /** Numbers written without a country code are read in {@code region} (ISO 3166-1 alpha-2, e.g. GB). */
    public Config withDefaultPhoneRegion(String region) {
        return new Config(host, port, database, adminToken, maxRequestBytes, seed, harness, fixturesFile,
                devApiRateLimitPerMinute, devApiDailyLimitPerUser, webhooks, dispatchInterval, documentsDir, maxUploadBytes,
                PhoneNumbers.withDefaultRegion(region));
    }

    /** {@code ACTIVITYHUB_DEFAULT_PHONE_REGION}: {@code US} unless set; an unknown region stops the start. */
    static PhoneNumbers defaultPhoneRegion(Map<String, String> env) {
        String value = env.get("ACTIVITYHUB_DEFAULT_PHONE_REGION");
        try {
            return PhoneNumbers.withDefaultRegion(value == null || value.isBlank() ? PhoneNumbers.DEFAULT_REGION : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ACTIVITYHUB_DEFAULT_PHONE_REGION: " + e.getMessage(), e);
        }
    }

    /** {@code ACTIVITYHUB_DISPATCH_INTERVAL_SECONDS}, at least 1. */
    static Duration dispatchInterval(Map<String, String> env) {
        String value = env.get("ACTIVITYHUB_DISPATCH_INTERVAL_SECONDS");
        if (value == null || value.isBlank()) {
            return DEFAULT_DISPATCH_INTERVAL;
        }
        long seconds = Long.parseLong(value.strip());
        if (seconds < 1) {
            throw new IllegalArgumentException("ACTIVITYHUB_DISPATCH_INTERVAL_SECONDS must be at least 1 second");
        }
        return Duration.ofSeconds(seconds);
    }

    private static Optional<String> flagValue(List<String> flags, String name) {
        int i = flags.indexOf(name);
        return i >= 0 && i + 1 < flags.size() ? Optional.of(flags.get(i + 1)) : Optional.empty();
    }

    /** "on", "true" or "1", any case; anything else (or nothing) is off. */
    private static boolean isOn(String value) {
        return value != null && Set.of("on", "true", "1").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
