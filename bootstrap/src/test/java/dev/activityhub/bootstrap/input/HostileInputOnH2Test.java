package dev.activityhub.bootstrap.input;

import dev.activityhub.bootstrap.testing.TestServer;

/** {@link HostileInputContract} on in-memory H2. */
class HostileInputOnH2Test extends HostileInputContract {
    @Override
    TestServer startServer() {
        return TestServer.start();
    }
}
