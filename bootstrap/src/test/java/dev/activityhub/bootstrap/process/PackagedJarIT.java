package dev.activityhub.bootstrap.process;

import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real fat jar as a process, the way users do. */
class PackagedJarIT {
    private static final String JAR = System.getProperty("activityhub.jar", "bootstrap/target/activityhub.jar");

    @TempDir
    Path dataDir;

    /**
     * Every write acknowledged with a 2xx must survive {@code kill -9}: H2's default write delay
     * loses the last half second of commits, so the file database runs with WRITE_DELAY=0.
     */
    @Test
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        int port = freePort();
        Process process = start(port, Map.of("ACTIVITYHUB_ADMIN_TOKEN", "t"));
        HttpJson http = new HttpJson("http://127.0.0.1:" + port);
        awaitHealthy(http, process);
        Set<String> acknowledged = new HashSet<>();
        // At least 1.5 s and 50 writes, whichever comes later: a busy machine must not make the
        // burst too short to mean anything (the writes, not the clock, are what is tested).
        Instant minimum = Instant.now().plusMillis(1500);
        Instant deadline = Instant.now().plusSeconds(60);
        while ((Instant.now().isBefore(minimum) || acknowledged.size() < 50) && Instant.now().isBefore(deadline)) {
            var response = http.post("/admin/v1/workspaces", "{\"name\":\"crash test\"}", "Authorization", "Bearer t");
            assertEquals(201, response.status(), response.body());
            acknowledged.add(response.text("id"));
        }
        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        assertTrue(acknowledged.size() > 20, "made " + acknowledged.size() + " writes");

        try (Database db = Database.open(DatabaseSettings.h2File(dataDir))) {
            List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT workspace_id FROM workspaces")
                    .mapTo(String.class).list());
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "acknowledged but lost after kill -9");
        }
    }

    /**
     * The same for the writes the journal acknowledges (a lead's activities): after {@code kill -9} the next
     * start applies what the journal holds, and every acknowledged activity is on its lead.
     */
    @Test
    void acknowledgedJournaledActivitiesSurviveKillDashNine() throws Exception {
        int port = freePort();
        Process process = start(port, Map.of("ACTIVITYHUB_ADMIN_TOKEN", "t", "ACTIVITYHUB_WRITE_JOURNAL", "on"));
        HttpJson http = new HttpJson("http://127.0.0.1:" + port);
        awaitHealthy(http, process);
        String ws = http.post("/admin/v1/workspaces", "{\"name\":\"crash test\"}", "Authorization", "Bearer t")
                .expect(201).text("id");
        String key = http.post("/admin/v1/workspaces/" + ws + "/api-keys", "{\"kind\":\"WORKSPACE\",\"name\":\"k\"}",
                "Authorization", "Bearer t").expect(201).text("key");
        String lead = http.post("/api/v1/leads", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}", "x-api-key", key)
                .expect(201).text("lead.id");
        Set<String> acknowledged = new HashSet<>();
        Instant minimum = Instant.now().plusMillis(1500);
        Instant deadline = Instant.now().plusSeconds(60);
        while ((Instant.now().isBefore(minimum) || acknowledged.size() < 50) && Instant.now().isBefore(deadline)) {
            var response = http.post("/api/v1/activity", "{\"leadId\":\"" + lead
                    + "\",\"eventType\":\"sales_call\",\"title\":\"Call " + acknowledged.size() + "\"}", "x-api-key", key);
            assertEquals(201, response.status(), response.body());
            acknowledged.add(response.text("actionLogId"));
        }
        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing applied or stored on the way out
        assertTrue(acknowledged.size() > 20, "made " + acknowledged.size() + " writes");

        try (Database db = Database.open(DatabaseSettings.h2File(dataDir))) { // applies what the journal holds, on or off
            List<String> stored = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT id FROM action_logs WHERE lead_id = CAST(:lead AS UUID)")
                    .bind("lead", lead).mapTo(String.class).list());
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "acknowledged but lost after kill -9");
            assertEquals(acknowledged.size() + 1, stored.size(), "each once, beside \"Lead created\"");
        }
    }

    @Test
    void firstStartPrintsAKeyOnceAndTheKeyWorks() throws Exception {
        int port = freePort();
        Path out1 = dataDir.resolve("first.log");
        Process first = start(port, Map.of(), out1);
        HttpJson http = new HttpJson("http://127.0.0.1:" + port);
        awaitHealthy(http, first);
        String log = Files.readString(out1, StandardCharsets.UTF_8);
        Matcher key = Pattern.compile("(ahk_[0-9a-f]{32})").matcher(log);
        assertTrue(key.find(), log);
        first.destroy(); // SIGTERM: graceful shutdown
        assertTrue(first.waitFor(15, java.util.concurrent.TimeUnit.SECONDS), "stops on SIGTERM");

        Path out2 = dataDir.resolve("second.log");
        Process second = start(port, Map.of(), out2);
        try {
            awaitHealthy(http, second);
            assertFalse(Files.readString(out2, StandardCharsets.UTF_8).contains("ahk_"), "the key is shown only once");
            // The web page ships inside the same jar.
            assertTrue(http.get("/app/").expect(200).body().contains("/app/assets/app.js"));
            assertTrue(http.get("/app/assets/app.js").expect(200).body().contains("ActivityHubView"));
            List<String> lines = Files.readAllLines(out2, StandardCharsets.UTF_8);
            assertTrue(lines.stream().anyMatch(l -> l.contains("http_request method=GET path=/health status=200")), lines.toString());
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    @Test
    void harnessModeLoadsFixturesAtStartAndPrintsItsToken() throws Exception {
        Path fixtures = dataDir.resolve("fixtures.json");
        Files.writeString(fixtures, """
                {"workspaces": [{"name": "Acme", "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_from_file"}],
                  "leads": [{"firstName": "John"}, {"firstName": "Jane"}]}]}
                """);
        int port = freePort();
        Path log = dataDir.resolve("harness.log");
        Process harness = start(port, Map.of(), log, "--harness", "--fixtures", fixtures.toString());
        try {
            HttpJson http = new HttpJson("http://127.0.0.1:" + port);
            awaitHealthy(http, harness);
            assertEquals(2, http.get("/api/v1/leads", "x-api-key", "ahk_from_file").expect(200).json().get("leads").size(),
                    "healthy means the fixtures are loaded");
            Matcher token = Pattern.compile("Harness admin token \\(Authorization: Bearer \\.\\.\\.\\): (\\S+)")
                    .matcher(Files.readString(log, StandardCharsets.UTF_8));
            assertTrue(token.find(), Files.readString(log, StandardCharsets.UTF_8));
            http.post("/__harness/reset", null, "Authorization", "Bearer " + token.group(1)).expect(200);
            http.get("/api/v1/leads", "x-api-key", "ahk_from_file").expect(401);
        } finally {
            harness.destroy();
            harness.waitFor();
        }
    }

    /** The training run bin/activityhub-harness records its class-data archive from: start, then exit cleanly. */
    @Test
    void exitAfterStartStartsAndStops() throws Exception {
        Process training = start(freePort(), Map.of("ACTIVITYHUB_ADMIN_TOKEN", "t"), dataDir.resolve("training.log"),
                "--harness", "--exit-after-start");
        assertTrue(training.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "exits by itself");
        assertEquals(0, training.exitValue());
        assertTrue(Files.readString(dataDir.resolve("training.log"), StandardCharsets.UTF_8).contains("listening"));
    }

    /**
     * bin/activityhub records its class-data archive once (a training run on a database of its own, never the
     * caller's), keeps it beside the jar, starts the service with it, and on the next launch reuses it as it is.
     */
    @Test
    void theLauncherRecordsAClassArchiveOnceAndServesWithIt() throws Exception {
        Path root = Path.of(System.getProperty("activityhub.module", "bootstrap")).toAbsolutePath().getParent();
        Path jarDir = Files.createDirectory(dataDir.resolve("jar"));
        Path jar = Files.copy(Path.of(JAR).toAbsolutePath(), jarDir.resolve("activityhub.jar"));
        Path serviceData = Files.createDirectory(dataDir.resolve("service"));
        Path archive = null;
        java.nio.file.attribute.FileTime recorded = null;
        for (int launch = 1; launch <= 2; launch++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("bin/activityhub").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("launcher.log").toFile()));
            builder.environment().remove("ACTIVITYHUB_JDBC_URL");
            builder.environment().remove("ACTIVITYHUB_DB");
            builder.environment().put("PATH", Path.of(javaBinary()).getParent() + java.io.File.pathSeparator
                    + System.getenv("PATH"));
            builder.environment().put("ACTIVITYHUB_JAR", jar.toString());
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("ACTIVITYHUB_HOST", "127.0.0.1");
            builder.environment().put("ACTIVITYHUB_DATA", serviceData.toString());
            if (launch == 2) {
                // The JVM refuses to start rather than run without the archive: it must be usable as recorded.
                builder.environment().put("JAVA_OPTS",
                        archive.toString().endsWith(".aot") ? "-XX:AOTMode=on" : "-Xshare:on");
            }
            Process launcher = builder.start();
            try {
                awaitHealthy(new HttpJson("http://127.0.0.1:" + port), launcher);
            } finally {
                launcher.destroy();
                launcher.waitFor();
            }
            try (var files = Files.list(jarDir)) {
                // A class-data archive, or on Java 25 and later an ahead-of-time cache.
                List<Path> archives = files.filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
                        .toList();
                assertEquals(1, archives.size(), "one archive beside the jar: " + archives);
                if (archive == null) {
                    archive = archives.get(0);
                    recorded = Files.getLastModifiedTime(archive);
                } else {
                    assertEquals(archive, archives.get(0));
                    assertEquals(recorded, Files.getLastModifiedTime(archive), "reused, not recorded again");
                }
            }
        }
        String log = Files.readString(dataDir.resolve("launcher.log"), StandardCharsets.UTF_8);
        // The training run's own first start (its workspace and key) went to a directory of its own: the
        // caller's data directory saw exactly one first start, the service's.
        assertEquals(1, Pattern.compile("created workspace \"default\"").matcher(log).results().count(), log);
        try (var files = Files.list(serviceData)) {
            assertEquals(List.of("activityhub.mv.db"), files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".db")).toList());
        }
    }

    private Process start(int port, Map<String, String> env) throws IOException {
        return start(port, env, dataDir.resolve("server-" + port + ".log"));
    }

    private Process start(int port, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", Path.of(JAR).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("ACTIVITYHUB_ADMIN_TOKEN");
        builder.environment().remove("ACTIVITYHUB_JDBC_URL");
        builder.environment().remove("ACTIVITYHUB_DB");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ACTIVITYHUB_HOST", "127.0.0.1");
        builder.environment().put("ACTIVITYHUB_DATA", dataDir.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitHealthy(HttpJson http, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "server process died during start-up");
            try {
                if (http.get("/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused until the server listens
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not become healthy");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
