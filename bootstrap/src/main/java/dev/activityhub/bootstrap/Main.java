package dev.activityhub.bootstrap;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code java -jar activityhub.jar [--in-memory | --harness [--fixtures file.json]] [--seed N] [--exit-after-start]};
 * everything else is configured through the environment (see the README).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config = Config.from(System.getenv(), args);
        if (config.harness() && config.adminToken().isEmpty()) {
            // The harness always has an operator token; without one configured, make one and say it.
            String token = "harness_" + HexFormat.of().formatHex(SecureRandom.getSeed(12));
            config = config.withAdminToken(token);
            System.out.println("Harness admin token (Authorization: Bearer ...): " + token);
        }
        ActivityHubServer server = ActivityHubServer.start(config, System.out);
        if (Arrays.asList(args).contains("--exit-after-start")) {
            // A training run (bin/activityhub-harness records a class-data archive from it): start, stop.
            server.close();
            return;
        }
        // SIGTERM / Ctrl-C: stop accepting, finish in-flight requests, close the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    }
}
