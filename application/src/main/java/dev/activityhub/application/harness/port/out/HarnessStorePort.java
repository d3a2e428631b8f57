package dev.activityhub.application.harness.port.out;

import dev.activityhub.application.harness.RecordedEvent;

import java.util.List;

/** Whole-store operations that only the harness may perform. */
public interface HarnessStorePort {
    /** Empties every table (schema and migrations stay). */
    void deleteEverything();

    List<RecordedEvent> allEvents();
}
