package dev.activityhub.application.harness.service;

import dev.activityhub.application.harness.RecordedEvent;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase.MoveClockCommand;
import dev.activityhub.application.harness.port.out.BackgroundJobsPort;
import dev.activityhub.application.harness.port.out.ClockControlPort;
import dev.activityhub.application.harness.port.out.HarnessStorePort;
import dev.activityhub.domain.shared.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

public final class HarnessService implements ControlHarnessUseCase {
    private final HarnessStorePort store;
    private final ClockControlPort clock;
    private final BackgroundJobsPort jobs;
    private final Runnable forgetCaches;
    private final Consumer<UUID> forgetWorkspace;
    /** Sequence numbers handed out so far, by event id; numbers are never reused, so a test's cursor stays valid. */
    private final Map<String, Long> sequences = new HashMap<>();
    private long lastSequence;

    /**
     * @param forgetCaches    drops what services remember of the data (e.g. recently used keys, request counts
     *                        not yet written); run before and after a reset deletes rows
     * @param forgetWorkspace drops what they hold of one workspace and nothing else (other workspaces' tests
     *                        may run meanwhile), before and after that workspace is deleted
     */
    public HarnessService(HarnessStorePort store, ClockControlPort clock, BackgroundJobsPort jobs,
                          Runnable forgetCaches, Consumer<UUID> forgetWorkspace) {
        this.store = store;
        this.clock = clock;
        this.jobs = jobs;
        this.forgetCaches = forgetCaches;
        this.forgetWorkspace = forgetWorkspace;
    }

    @Override
    public synchronized void reset() {
        forgetCaches.run(); // before too: what a cache would write back later (request counts) must predate the delete
        store.deleteEverything();
        synchronized (sequences) {
            sequences.clear();
        }
        forgetCaches.run();
        clock.resetToSystemTime();
    }

    @Override
    public void resetWorkspace(UUID workspaceId) {
        forgetWorkspace.accept(workspaceId);
        if (!store.deleteWorkspace(workspaceId)) {
            throw new NotFoundException("WORKSPACE_NOT_FOUND", "Workspace not found");
        }
        forgetWorkspace.accept(workspaceId);
    }

    @Override
    public synchronized Instant moveClock(MoveClockCommand command) {
        if (command.freezeAt() != null) {
            clock.freezeAt(command.freezeAt());
        } else if (command.advanceBy() != null) {
            Instant target = clock.now().plus(command.advanceBy());
            if (target.isAfter(MoveClockCommand.LATEST)) {
                throw MoveClockCommand.outOfRange("advanceBy", target);
            }
            clock.advance(command.advanceBy());
        } else {
            clock.resume();
        }
        // Whatever fell due fires before the caller hears back: a test never has to wait or poll.
        jobs.runAllOnce();
        return clock.now();
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public List<RecordedEvent> events() {
        List<RecordedEvent> stored = store.allEvents();
        List<RecordedEvent> numbered = new ArrayList<>(stored.size());
        synchronized (sequences) {
            // Events the harness has not seen yet get the next numbers, in the store's order.
            for (RecordedEvent event : stored) {
                numbered.add(event.withSequence(sequences.computeIfAbsent(event.id(), id -> ++lastSequence)));
            }
        }
        numbered.sort(Comparator.comparingLong(RecordedEvent::sequence));
        return numbered;
    }
}
