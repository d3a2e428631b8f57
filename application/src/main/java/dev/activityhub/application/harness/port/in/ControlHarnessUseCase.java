package dev.activityhub.application.harness.port.in;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import java.time.Duration;
import dev.activityhub.application.harness.RecordedEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The contract-test harness's control surface: empty the store, move time, read what was emitted.
 * Only wired in harness mode.
 */
public interface ControlHarnessUseCase {
    /** Deletes every row of every table and lets the clock run from real time again. */
    void reset();

    /**
     * Deletes every row of one workspace (its keys and the workspace itself included), leaving the others alone,
     * so tests that each use their own workspace can run side by side. The clock is shared and stays as it is.
     */
    void resetWorkspace(UUID workspaceId);

    /** Freezes, moves or resumes the clock, then runs every background job once so what fell due fires now. */
    Instant moveClock(MoveClockCommand command);

    Instant now();

    /** Every outbox event, in the order it was recorded, each with its {@link RecordedEvent#sequence()}. */
    List<RecordedEvent> events();


    /**
     * Exactly one way of moving time per command.
     *
     * @param freezeAt stop the clock at this instant
     * @param advanceBy move the clock forward (frozen or running)
     * @param resume let a frozen clock run again
     */
    record MoveClockCommand(Instant freezeAt, Duration advanceBy, boolean resume) {
        /** The clock stays where every API can print and every database can store it: years 1970..9999. */
        public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
        public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
        /** The most one call may advance the clock: a century. */
        public static final Duration LONGEST_ADVANCE = Duration.ofDays(36_525);

        public MoveClockCommand {
            int given = (freezeAt != null ? 1 : 0) + (advanceBy != null ? 1 : 0) + (resume ? 1 : 0);
            if (given != 1) {
                throw new ValidationException(List.of(FieldError.listing("", Rule.EXACTLY_ONE,
                        List.of("frozenAt", "advanceBy", "resume"), null)));
            }
            if (advanceBy != null && advanceBy.isNegative()) {
                throw new ValidationException(List.of(FieldError.about("advanceBy", Rule.BACKWARDS, "frozenAt",
                        advanceBy.toString())));
            }
            if (advanceBy != null && advanceBy.compareTo(LONGEST_ADVANCE) > 0) {
                throw ValidationException.of("advanceBy", Rule.TOO_BIG_A_STEP, LONGEST_ADVANCE.toDays(),
                        advanceBy.toString());
            }
            if (freezeAt != null && (freezeAt.isBefore(EARLIEST) || freezeAt.isAfter(LATEST))) {
                throw outOfRange("frozenAt", freezeAt);
            }
        }

        /** The clock would leave years 1970..9999. */
        public static ValidationException outOfRange(String field, Instant at) {
            return new ValidationException(List.of(FieldError.listing(field, Rule.CLOCK_OUT_OF_RANGE,
                    List.of(EARLIEST.toString(), LATEST.toString()), at.toString())));
        }
    }
}
