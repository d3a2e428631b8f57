package dev.activityhub.jdbc.actionitem;

import dev.activityhub.application.actionitem.port.out.RequestCounterPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The request counters of a database only this process writes (embedded H2), counted in memory and
 * written to {@link JdbiRequestCounter}'s tables by {@link #writeBehind()}, every second. With no other
 * writer the memory holds every count there is, so every answer is as exact as the tables'. Counting in
 * the tables cost each request a transaction of its own and serialised every request of a key on one
 * row's lock: half of the request threads' CPU on {@code POST /v1/dev/user/action-items}.
 *
 * <p>A window's first count after a start (or after it went a write-behind without requests) continues
 * from the table. A count not yet written is lost with the process (a crash forgets at most the last
 * second's requests): counts are bookkeeping, not writes a caller made.
 */
public final class BufferedRequestCounter implements RequestCounterPort {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedRequestCounter.class);

    private enum Kind { KEY_MINUTE, USER_DAY }

    /** One counter: a key's minute or a user's day. */
    private record Window(Kind kind, UUID workspaceId, UUID subjectId, Instant start) {
    }

    /** Changed only inside the map's compute functions, which hold the entry's lock. */
    private static final class Count {
        int value;
        int unwritten;

        Count(int stored) {
            value = stored;
        }
    }

    private record Unwritten(Window window, int n) {
    }

    private final JdbiRequestCounter table;
    private final BooleanSupplier othersWrite;
    private final ConcurrentHashMap<Window, Count> counts = new ConcurrentHashMap<>();
    /** One write-behind at a time; {@link #forget()} waits for the one in progress. */
    private final Object writing = new Object();

    /**
     * @param othersWrite true while something else writes the tables too (another Database of this process on
     *                    the same embedded database): then each count goes to the tables at once, as elsewhere
     */
    public BufferedRequestCounter(JdbiRequestCounter table, BooleanSupplier othersWrite) {
        this.table = table;
        this.othersWrite = othersWrite;
    }

    @Override
    public int increment(UUID workspaceId, UUID keyId, Instant windowStart) {
        if (othersWrite.getAsBoolean()) {
            writeBehind(); // what was counted here first
            return table.increment(workspaceId, keyId, windowStart);
        }
        return add(new Window(Kind.KEY_MINUTE, workspaceId, keyId, windowStart));
    }

    @Override
    public int incrementUserDay(UUID workspaceId, UUID userId, Instant dayStart) {
        if (othersWrite.getAsBoolean()) {
            writeBehind();
            return table.incrementUserDay(workspaceId, userId, dayStart);
        }
        return add(new Window(Kind.USER_DAY, workspaceId, userId, dayStart));
    }

    private int add(Window window) {
        int[] value = new int[1];
        counts.compute(window, (key, count) -> {
            Count current = count != null ? count : new Count(stored(key));
            current.value++;
            current.unwritten++;
            value[0] = current.value;
            return current;
        });
        return value[0];
    }

    private int stored(Window window) {
        return window.kind() == Kind.KEY_MINUTE
                ? table.storedCount(window.workspaceId(), window.subjectId(), window.start())
                : table.storedUserDayCount(window.workspaceId(), window.subjectId(), window.start());
    }

    /**
     * Adds what was counted since the last write to the tables, in one transaction, and forgets the windows
     * nobody counted in since then (the tables hold them). When that transaction fails, each window is
     * written alone and one that still fails (its workspace was deleted meanwhile) is dropped.
     */
    public void writeBehind() {
        synchronized (writing) {
            List<Unwritten> batch = new ArrayList<>();
            for (Window window : counts.keySet()) {
                counts.computeIfPresent(window, (key, count) -> {
                    if (count.unwritten == 0) {
                        return null;
                    }
                    batch.add(new Unwritten(key, count.unwritten));
                    count.unwritten = 0;
                    return count;
                });
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                table.jdbi().useTransaction(h -> batch.forEach(this::write));
            } catch (RuntimeException batchFailed) {
                for (Unwritten one : batch) {
                    try {
                        table.jdbi().useTransaction(h -> write(one));
                    } catch (RuntimeException e) {
                        LOG.warn("dropped {} request count(s) of {} that could not be stored", one.n(), one.window(), e);
                    }
                }
            }
        }
    }

    private void write(Unwritten one) {
        Window w = one.window();
        if (w.kind() == Kind.KEY_MINUTE) {
            table.add(w.workspaceId(), w.subjectId(), w.start(), one.n());
        } else {
            table.addUserDay(w.workspaceId(), w.subjectId(), w.start(), one.n());
        }
    }

    /**
     * Drops every count held in memory, unwritten ones too, once a write-behind in progress is done: for the
     * harness, before and after it deletes what the tables hold, so no count from before a reset outlives it.
     */
    public void forget() {
        synchronized (writing) {
            counts.clear();
        }
    }

    /** As {@link #forget()}, for one workspace's counts only (the harness resets one while others run). */
    public void forget(UUID workspaceId) {
        synchronized (writing) {
            counts.keySet().removeIf(window -> window.workspaceId().equals(workspaceId));
        }
    }

    @Override
    public int pruneBefore(Instant cutoff) {
        return table.pruneBefore(cutoff);
    }

    @Override
    public int pruneUserDaysBefore(Instant cutoff) {
        return table.pruneUserDaysBefore(cutoff);
    }
}
