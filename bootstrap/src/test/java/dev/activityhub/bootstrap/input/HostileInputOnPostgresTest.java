package dev.activityhub.bootstrap.input;

import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.jdbc.testing.TestDatabases;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link HostileInputContract} on PostgreSQL (skipped when ACTIVITYHUB_TEST_PG_URL is not set). */
class HostileInputOnPostgresTest extends HostileInputContract {
    @Override
    TestServer startServer() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "no PostgreSQL configured");
        return TestServer.start(TestDatabases.postgresSettings().orElseThrow());
    }
}
