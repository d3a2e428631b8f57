package dev.activityhub.bootstrap;

import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dispatcher worker's drain: how it chains rounds. */
class DispatcherDrainTest {
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    /** Answers each call with the next scripted report and records what was asked. */
    private static final class Scripted implements DispatchActivitiesUseCase {
        final Deque<DispatchReport> reports = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public DispatchReport dispatchDue() {
            calls.add("all");
            return reports.removeFirst();
        }

        @Override
        public DispatchReport dispatchDue(List<UUID> tenants) {
            calls.add(tenants.equals(List.of(A)) ? "A" : tenants.equals(List.of(A, B)) ? "A,B" : tenants.toString());
            return reports.removeFirst();
        }
    }

    @Test
    void roundsAfterAFullBatchServeThoseTenantsOnlyThenTheDrainLooksAgainUntilNothingIsDue() {
        Scripted dispatcher = new Scripted();
        dispatcher.reports.add(new DispatchActivitiesUseCase.DispatchReport(200, 0, 0, 0, List.of(A, B)));
        dispatcher.reports.add(new DispatchActivitiesUseCase.DispatchReport(150, 0, 0, 0, List.of(A)));
        dispatcher.reports.add(new DispatchActivitiesUseCase.DispatchReport(30, 0, 0)); // A is done
        dispatcher.reports.add(new DispatchActivitiesUseCase.DispatchReport(1, 0, 0)); // fell due meanwhile
        dispatcher.reports.add(new DispatchActivitiesUseCase.DispatchReport(0, 0, 0));

        CommerceWiring.drain(dispatcher);

        assertEquals(List.of("all", "A,B", "A", "all", "all"), dispatcher.calls);
        assertEquals(0, dispatcher.reports.size());
    }

    @Test
    void aRoundThatFindsNothingEndsTheDrain() {
        Scripted dispatcher = new Scripted();
        dispatcher.reports.add(new DispatchActivitiesUseCase.DispatchReport(0, 0, 0));

        CommerceWiring.drain(dispatcher);

        assertEquals(List.of("all"), dispatcher.calls);
    }
}
