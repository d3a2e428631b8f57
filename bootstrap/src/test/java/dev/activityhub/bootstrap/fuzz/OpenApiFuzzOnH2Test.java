package dev.activityhub.bootstrap.fuzz;

import dev.activityhub.bootstrap.Config;

/** {@link OpenApiFuzzContract} on in-memory H2. */
class OpenApiFuzzOnH2Test extends OpenApiFuzzContract {
    @Override
    Config database(Config base) {
        return base;
    }
}
