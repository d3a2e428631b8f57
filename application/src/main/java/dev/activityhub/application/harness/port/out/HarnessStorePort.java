package dev.activityhub.application.harness.port.out;

import dev.activityhub.application.harness.RecordedEvent;

import java.util.List;
import java.util.UUID;

/** Whole-store operations that only the harness may perform. */
public interface HarnessStorePort {
    /** Empties every table (schema and migrations stay). */
    void deleteEverything();

    /** Deletes every row of one workspace, the workspace itself included; false when there was no such workspace. */
    boolean deleteWorkspace(UUID workspaceId);

    List<RecordedEvent> allEvents();
}
