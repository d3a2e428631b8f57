package dev.activityhub.bootstrap;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Embedding entry point for other teams' test suites:
 *
 * <pre>{@code
 * try (RunningHub hub = ActivityHub.harness().start()) {
 *     hub.admin().loadFixtures(json);
 *     // point your client at hub.baseUrl()
 * }
 * }</pre>
 */
public final class ActivityHub {
    private ActivityHub() {
    }

    public static Builder harness() {
        return new Builder();
    }

    /** Options of an embedded harness: random port, in-memory store, its own admin token. */
    public static final class Builder {
        private int port;
        private Long seed;
        private String adminToken = "harness-admin-token";

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Reproducible ids and generated keys. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        public RunningHub start() {
            Config config = Config.forHarness(adminToken, port, Optional.ofNullable(seed));
            ActivityHubServer server = ActivityHubServer.start(config, new PrintStream(OutputStream.nullOutputStream()));
            return new RunningHub(server, adminToken);
        }
    }
}
