package dev.activityhub.application.harness.port.in;

import java.time.Duration;
import dev.activityhub.application.harness.RecordedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The contract-test harness's control surface: empty the store, move time, read what was emitted.
 * Only wired in harness mode.
 */
public interface ControlHarnessUseCase {
    /** Deletes every row of every table and lets the clock run from real time again. */
    void reset();

    /** Freezes, moves or resumes the clock, then runs every background job once so what fell due fires now. */
    Instant moveClock(MoveClockCommand command);

    Instant now();

    /** Every outbox event, in the order it was recorded. */
    List<RecordedEvent> events();

    /**
     * Exactly one way of moving time per command.
     *
     * @param freezeAt stop the clock at this instant
     * @param advanceBy move the clock forward (frozen or running)
     * @param resume let a frozen clock run again
     */
    record MoveClockCommand(Instant freezeAt, Duration advanceBy, boolean resume) {
        public MoveClockCommand {
            int given = (freezeAt != null ? 1 : 0) + (advanceBy != null ? 1 : 0) + (resume ? 1 : 0);
            if (given != 1) {
                throw dev.activityhub.domain.shared.ValidationException.of("", "value_error",
                        "give exactly one of frozenAt, advanceBy or resume", null);
            }
            if (advanceBy != null && advanceBy.isNegative()) {
                throw dev.activityhub.domain.shared.ValidationException.of("advanceBy", "value_error",
                        "advanceBy cannot move time backwards; use frozenAt", advanceBy.toString());
            }
        }
    }
}
