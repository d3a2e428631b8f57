package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase.RequestQuota;
import dev.activityhub.application.actionitem.port.out.RequestCounterPort;
import dev.activityhub.application.testing.MutableTestClock;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.activityhub.application.testing.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeveloperRequestThrottleTest {
    final MutableTestClock clock = new MutableTestClock(); // T0 is the start of a minute
    final Counters counters = new Counters();
    final DeveloperRequestThrottle throttle = new DeveloperRequestThrottle(counters, clock, 3, 1000);
    final Principal key = developerKey(UUID.randomUUID());

    static Principal developerKey(UUID ws) {
        return new Principal(ws, UUID.randomUUID(), UUID.randomUUID(), ApiKeyKind.DEVELOPER, Set.of(Scopes.ACTION_ITEMS_READ));
    }

    /** Counts per (workspace, key, window start) and (workspace, user, day). */
    final class Counters implements RequestCounterPort {
        final Map<List<Object>, Integer> counts = new HashMap<>();
        final Map<List<Object>, Integer> days = new HashMap<>();
        final List<Instant> prunedBefore = new ArrayList<>();
        final List<Instant> daysPrunedBefore = new ArrayList<>();

        @Override
        public int incrementUserDay(UUID workspaceId, UUID userId, Instant dayStart) {
            return days.merge(List.of(workspaceId, userId, dayStart), 1, Integer::sum);
        }

        @Override
        public int pruneUserDaysBefore(Instant cutoff) {
            daysPrunedBefore.add(cutoff);
            int before = days.size();
            days.keySet().removeIf(k -> ((Instant) k.get(2)).isBefore(cutoff));
            return before - days.size();
        }

        @Override
        public int increment(UUID workspaceId, UUID keyId, Instant windowStart) {
            return counts.merge(List.of(workspaceId, keyId, windowStart), 1, Integer::sum);
        }

        @Override
        public int pruneBefore(Instant cutoff) {
            prunedBefore.add(cutoff);
            int before = counts.size();
            counts.keySet().removeIf(k -> ((Instant) k.get(2)).isBefore(cutoff));
            return before - counts.size();
        }
    }

    @Test
    void countsDownTheRemainingRequestsThenRefuses() {
        Instant nextMinute = T0.plusSeconds(60);
        assertEquals(new RequestQuota(3, 2, nextMinute, 60, false), throttle.consume(key));
        assertEquals(new RequestQuota(3, 1, nextMinute, 60, false), throttle.consume(key));
        assertEquals(new RequestQuota(3, 0, nextMinute, 60, false), throttle.consume(key),
                "the limit itself is still allowed");

        RequestQuota over = throttle.consume(key);
        assertTrue(over.exceeded());
        assertEquals(0, over.remaining(), "never negative");
        assertTrue(throttle.consume(key).exceeded(), "and stays refused for the rest of the window");
    }

    @Test
    void retryAfterIsTheWholeSecondsLeftInTheWindowRoundedUp() {
        clock.advance(Duration.ofMillis(15_200));
        assertEquals(45, throttle.consume(key).resetsInSeconds());

        clock.set(T0.plusMillis(59_999));
        assertEquals(1, throttle.consume(key).resetsInSeconds(), "at least one second");

        clock.set(T0.plusSeconds(59));
        assertFalse(throttle.consume(key).exceeded(), "the third of three");
        RequestQuota over = throttle.consume(key);
        assertTrue(over.exceeded());
        assertEquals(1, over.resetsInSeconds());
    }

    @Test
    void theNextWindowStartsAFreshBudget() {
        for (int i = 0; i < 4; i++) {
            throttle.consume(key);
        }
        clock.advance(Duration.ofSeconds(59));
        assertTrue(throttle.consume(key).exceeded(), "same window");

        clock.advance(Duration.ofSeconds(1)); // T0 + 60 s: a new minute
        RequestQuota fresh = throttle.consume(key);
        assertFalse(fresh.exceeded());
        assertEquals(2, fresh.remaining());
        assertEquals(60, fresh.resetsInSeconds());
        assertEquals(Set.of(T0, T0.plusSeconds(60)),
                counters.counts.keySet().stream().map(k -> k.get(2)).collect(java.util.stream.Collectors.toSet()),
                "windows start on whole minutes");
    }

    @Test
    void everyKeyHasItsOwnBudget() {
        for (int i = 0; i < 4; i++) {
            throttle.consume(key);
        }
        Principal sameWorkspaceOtherKey = new Principal(key.workspaceId(), UUID.randomUUID(), key.userId(),
                ApiKeyKind.DEVELOPER, key.grants());
        assertEquals(2, throttle.consume(sameWorkspaceOtherKey).remaining());
        assertEquals(2, throttle.consume(developerKey(UUID.randomUUID())).remaining());
    }

    @Test
    void prunesWindowsOlderThanAnHour() {
        throttle.consume(key);
        clock.advance(Duration.ofMinutes(61));
        throttle.consume(key);

        assertEquals(1, throttle.pruneOldWindows());
        assertEquals(List.of(T0.plusSeconds(60)), counters.prunedBefore);
        assertEquals(1, counters.counts.size());
    }

    @Test
    void refusesALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new DeveloperRequestThrottle(counters, clock, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new DeveloperRequestThrottle(counters, clock, 10, 0));
    }

    // --- the daily limit per user (T0 is 2026-01-30T02:00:00Z)

    final DeveloperRequestThrottle daily = new DeveloperRequestThrottle(counters, clock, 100, 3);
    final Instant nextMidnight = Instant.parse("2026-01-31T00:00:00Z");

    @Test
    void theDailyBudgetIsSharedByAllOfAUsersKeysAndReportedWhenItBinds() {
        Principal otherKeyOfTheSameUser = new Principal(key.workspaceId(), UUID.randomUUID(), key.userId(),
                ApiKeyKind.DEVELOPER, key.grants());
        long toMidnight = java.time.Duration.between(T0, nextMidnight).toSeconds();
        assertEquals(new RequestQuota(3, 2, nextMidnight, toMidnight, false), daily.consume(key),
                "2 left today is fewer than 99 left this minute");
        assertEquals(new RequestQuota(3, 1, nextMidnight, toMidnight, false), daily.consume(otherKeyOfTheSameUser));
        assertEquals(new RequestQuota(3, 0, nextMidnight, toMidnight, false), daily.consume(key));
        RequestQuota over = daily.consume(otherKeyOfTheSameUser);
        assertTrue(over.exceeded(), "a fresh key does not reset its user's day");
        assertEquals(new RequestQuota(3, 0, nextMidnight, toMidnight, true), over);

        Principal anotherUser = new Principal(key.workspaceId(), UUID.randomUUID(), UUID.randomUUID(),
                ApiKeyKind.DEVELOPER, key.grants());
        assertFalse(daily.consume(anotherUser).exceeded(), "every user has a day of their own");

        clock.set(nextMidnight.minusMillis(1));
        assertTrue(daily.consume(key).exceeded(), "until midnight UTC");
        clock.set(nextMidnight);
        RequestQuota tomorrow = daily.consume(key);
        assertFalse(tomorrow.exceeded());
        assertEquals(2, tomorrow.remaining());
    }

    @Test
    void whenBothAreSpentTheReportedResetCoversBoth() {
        DeveloperRequestThrottle tight = new DeveloperRequestThrottle(counters, clock, 1, 1);
        tight.consume(key);
        RequestQuota over = tight.consume(key);
        assertTrue(over.exceeded());
        assertEquals(nextMidnight, over.resetsAt(), "Retry-After must not invite a request the day would refuse");
    }

    @Test
    void theMinuteIsReportedWhileItHasFewerLeft() {
        RequestQuota first = throttle.consume(key); // 3 a minute, 1000 a day
        assertEquals(3, first.limit());
        assertEquals(T0.plusSeconds(60), first.resetsAt());
    }

    @Test
    void prunesDaysBeforeYesterday() {
        daily.consume(key);
        clock.set(T0.plus(Duration.ofDays(1)));
        daily.consume(key);
        clock.set(T0.plus(Duration.ofDays(2)));
        daily.consume(key);

        daily.pruneOldWindows();
        assertEquals(List.of(Instant.parse("2026-01-31T00:00:00Z")), counters.daysPrunedBefore,
                "today and yesterday are kept");
        assertEquals(2, counters.days.size());
    }
}
