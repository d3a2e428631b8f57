package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase;
import dev.activityhub.application.actionitem.port.out.RequestCounterPort;
import dev.activityhub.domain.identity.Principal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The vendor's two limits: per key, fixed one-minute windows; per user (all of the user's keys), UTC
 * days. Counted by {@link RequestCounterPort}, which every instance shares, outside the request's own
 * transaction, so they stick even when the request then fails. Every authenticated request counts, a
 * refused one too. A count is bookkeeping, not a write the caller made: it is not waited on to be
 * durable before the answer (a crash may forget the last moments' counts).
 */
public final class DeveloperRequestThrottle implements ThrottleDeveloperRequestsUseCase {
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration DAY = Duration.ofDays(1);

    private final RequestCounterPort counters;
    private final Clock clock;
    private final int limitPerWindow;
    private final int limitPerUserDay;

    public DeveloperRequestThrottle(RequestCounterPort counters, Clock clock, int limitPerWindow, int limitPerUserDay) {
        if (limitPerWindow < 1) {
            throw new IllegalArgumentException("the rate limit must allow at least one request per minute");
        }
        if (limitPerUserDay < 1) {
            throw new IllegalArgumentException("the daily limit must allow at least one request per day");
        }
        this.counters = counters;
        this.clock = clock;
        this.limitPerWindow = limitPerWindow;
        this.limitPerUserDay = limitPerUserDay;
    }

    @Override
    public RequestQuota consume(Principal caller) {
        Instant now = clock.instant();
        long windowSeconds = WINDOW.toSeconds();
        Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds);
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS); // UTC midnight
        int minuteCount = counters.increment(caller.workspaceId(), caller.keyId(), windowStart);
        int dayCount = counters.incrementUserDay(caller.workspaceId(), caller.userId(), dayStart);
        RequestQuota minute = quota(limitPerWindow, minuteCount, windowStart.plus(WINDOW), now);
        RequestQuota day = quota(limitPerUserDay, dayCount, dayStart.plus(DAY), now);
        return binding(minute, day);
    }

    private static RequestQuota quota(int limit, int count, Instant resetsAt, Instant now) {
        long millisLeft = Duration.between(now, resetsAt).toMillis();
        long resetsIn = Math.max(1, (millisLeft + 999) / 1000);
        return new RequestQuota(limit, Math.max(0, limit - count), resetsAt, resetsIn, count > limit);
    }

    /**
     * The one the headers report: an exceeded budget (both exceeded: the later reset, so Retry-After is
     * enough for both), else the fewest requests left (a tie: the minute, which resets first).
     */
    private static RequestQuota binding(RequestQuota minute, RequestQuota day) {
        if (minute.exceeded() || day.exceeded()) {
            if (minute.exceeded() && day.exceeded()) {
                return day;
            }
            return minute.exceeded() ? minute : day;
        }
        return day.remaining() < minute.remaining() ? day : minute;
    }

    /** Drops minute windows older than an hour and days before yesterday; run by a background worker. */
    public int pruneOldWindows() {
        Instant now = clock.instant();
        return counters.pruneBefore(now.minus(Duration.ofHours(1)))
                + counters.pruneUserDaysBefore(now.truncatedTo(ChronoUnit.DAYS).minus(DAY));
    }
}
