package dev.activityhub.application.harness.service;

import dev.activityhub.application.harness.RecordedEvent;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase.MoveClockCommand;
import dev.activityhub.application.harness.port.out.BackgroundJobsPort;
import dev.activityhub.application.harness.port.out.ClockControlPort;
import dev.activityhub.application.harness.port.out.HarnessStorePort;

import java.time.Instant;
import java.util.List;

public final class HarnessService implements ControlHarnessUseCase {
    private final HarnessStorePort store;
    private final ClockControlPort clock;
    private final BackgroundJobsPort jobs;
    private final Runnable forgetCaches;

    /** @param forgetCaches drops what services remember of the data (e.g. recently used keys) */
    public HarnessService(HarnessStorePort store, ClockControlPort clock, BackgroundJobsPort jobs,
                          Runnable forgetCaches) {
        this.store = store;
        this.clock = clock;
        this.jobs = jobs;
        this.forgetCaches = forgetCaches;
    }

    @Override
    public synchronized void reset() {
        store.deleteEverything();
        forgetCaches.run();
        clock.resetToSystemTime();
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
        return store.allEvents();
    }
}
