package dev.activityhub.bootstrap.fuzz;

import dev.activityhub.bootstrap.Config;
import dev.activityhub.jdbc.testing.TestDatabases;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@link OpenApiFuzzContract} on PostgreSQL (skipped when ACTIVITYHUB_TEST_PG_URL is not set). */
class OpenApiFuzzOnPostgresTest extends OpenApiFuzzContract {
    @Override
    Config database(Config base) {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "no PostgreSQL configured");
        return base.withDatabase(TestDatabases.postgresSettings().orElseThrow());
    }
}
