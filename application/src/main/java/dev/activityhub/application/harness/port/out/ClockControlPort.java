package dev.activityhub.application.harness.port.out;

import java.time.Duration;
import java.time.Instant;

/** The service clock, as the harness may move it. */
public interface ClockControlPort {
    void freezeAt(Instant at);

    void advance(Duration by);

    void resume();

    /** Back to real time, no offset. */
    void resetToSystemTime();

    Instant now();
}
