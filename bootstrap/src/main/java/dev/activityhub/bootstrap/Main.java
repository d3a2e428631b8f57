package dev.activityhub.bootstrap;

/** {@code java -jar activityhub.jar [--in-memory] [--seed N]}; configuration from the environment. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Config config = Config.from(System.getenv(), args);
        ActivityHubServer server = ActivityHubServer.start(config, System.out);
        // SIGTERM / Ctrl-C: stop accepting, finish in-flight requests, close the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    }
}
