package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write journal of an H2 file database: appends that are acknowledged once they are in a log of
 * our own, and applied to the database right after, many at a time.
 *
 * <p>Why: making a transaction durable in H2 means writing every B-tree page it changed (thirteen
 * trees for an activity) to the file, compressed; under load that store was a quarter of the CPU and
 * its rare slow writes made the p99. A journal record is the transaction's rows, about a kilobyte,
 * and many callers' records go to the file in one write (group commit, as for H2's own store).
 *
 * <p>Appends use it only with {@link DatabaseSettings#writeJournal()} on (ACTIVITYHUB_WRITE_JOURNAL; off by
 * default until its cost in the benchmark's first seconds is understood, docs/performance.md); every start
 * of an H2 file database runs {@link #recover()}, so a journal an earlier run left is never ignored.
 *
 * <p>The guarantees:
 * <ul>
 *   <li>A caller of {@link #append} returns once its record is in the journal file, as durable as a
 *       store write of H2 (both survive a crash of the process). When the write fails, every caller it
 *       covered gets {@link GroupCommit.DurabilityException} and none of it is applied or read back.</li>
 *   <li>Records are applied in the order they were appended, by one thread, in transactions of up to
 *       {@link #APPLY_BATCH} records that also note, per workspace, the last record applied
 *       ({@code journal_applied}), so a record is applied exactly once across crashes.</li>
 *   <li>{@link #awaitAcknowledged()} returns once everything acknowledged so far is applied: every
 *       transaction and query of {@link JdbiTransactions} calls it first, so nothing reads around a
 *       write its caller was told succeeded.</li>
 *   <li>At start-up ({@link #recover()}, before any migration: a record's SQL is the version's that
 *       wrote it) what the database lacks is applied; then the file is emptied. A segment of the file is
 *       deleted only once H2 has stored everything it held.</li>
 * </ul>
 *
 * <p>A record only inserts new rows (see {@link RowInserts}); one that cannot be applied even alone
 * (its lead or workspace was deleted meanwhile) is logged and skipped, as if deleted with them.
 */
public final class WriteJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteJournal.class);
    /** The handle attribute holding the entry of a journaled transaction (see {@link RowInserts}). */
    static final String ENTRY_ATTRIBUTE = "activityhub.journal.entry";
    static final int APPLY_BATCH = 512;
    /** Appended but not yet applied: beyond this, appends wait for the database to catch up. */
    static final int MAX_UNAPPLIED = 20_000;
    static final long SEGMENT_BYTES = 64L << 20;
    private final long segmentBytes;
    private static final String MARK_APPLIED = """
            MERGE INTO journal_applied (workspace_id, lsn) KEY (workspace_id) VALUES (:workspaceId, :lsn)
            """;

    /** Stores everything H2 has committed to its file (a CHECKPOINT). */
    @FunctionalInterface
    public interface Checkpoint {
        void run() throws Exception;
    }

    private record Numbered(byte[] record, WriteJournalEntry entry) {
    }

    private record ClosedSegment(long number, long lastLsn) {
    }

    private final WriteJournalFile file;
    private final Jdbi jdbi;
    private final Checkpoint checkpoint;
    private final GroupCommit writes = new GroupCommit(this::writeNumbered);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appliedMoved = lock.newCondition();
    private final Condition workArrived = lock.newCondition();
    private List<Numbered> numbered = new ArrayList<>();
    private final ArrayDeque<WriteJournalEntry> written = new ArrayDeque<>();
    /** Used only by the writer of the moment (GroupCommit runs one at a time) and then the applier. */
    private final ArrayDeque<ClosedSegment> closedSegments = new ArrayDeque<>();
    private long nextLsn = 1;
    private int unapplied;
    private volatile long writtenLsn;
    private volatile long appliedLsn;
    private volatile Throwable applierDied;
    private IOException broken;
    private boolean closing;
    private boolean started;
    private Thread applier;

    private WriteJournal(WriteJournalFile file, Jdbi jdbi, Checkpoint checkpoint, long segmentBytes) {
        this.file = file;
        this.segmentBytes = segmentBytes;
        this.jdbi = jdbi;
        this.checkpoint = checkpoint;
    }

    /** The journal of the H2 database whose file is {@code databaseBase} (+ ".mv.db"). */
    public static WriteJournal beside(Path databaseBase, Jdbi jdbi, Checkpoint checkpoint) {
        return beside(databaseBase, jdbi, checkpoint, SEGMENT_BYTES);
    }

    /** @param segmentBytes a segment this long is closed before the next write (tests make it small) */
    static WriteJournal beside(Path databaseBase, Jdbi jdbi, Checkpoint checkpoint, long segmentBytes) {
        Path base = databaseBase.toAbsolutePath();
        return new WriteJournal(WriteJournalFile.in(base.getParent(), base.getFileName().toString()), jdbi, checkpoint,
                segmentBytes);
    }

    /**
     * Applies what a crash left in the journal and the database lacks, stores it, and empties the
     * journal; touches the database only when there is something. Returns how many records it applied.
     */
    public int recover() {
        try {
            List<byte[]> records = file.readAll();
            if (records.isEmpty()) {
                file.deleteAll();
                return 0;
            }
            Map<UUID, Long> marks = appliedMarks();
            List<WriteJournalEntry> missing = new ArrayList<>();
            for (byte[] record : records) {
                WriteJournalEntry entry = WriteJournalEntry.decode(record);
                nextLsn = Math.max(nextLsn, entry.lsn() + 1);
                if (entry.lsn() > marks.getOrDefault(entry.workspaceId(), 0L)) {
                    missing.add(entry);
                }
            }
            int skipped = 0;
            for (int from = 0; from < missing.size(); from += APPLY_BATCH) {
                skipped += apply(missing.subList(from, Math.min(missing.size(), from + APPLY_BATCH)), false);
            }
            checkpoint.run();
            file.deleteAll();
            // A record skipped here failed even alone: its workspace or lead is gone, or (seen once after
            // kill -9, not explained) its rows were stored without the mark that notes them; such rows fail
            // on their keys, so nothing is applied twice.
            LOG.info("write journal: applied {} of its {} records; {} already in the database or not applicable",
                    missing.size() - skipped, records.size(), skipped);
            return missing.size() - skipped;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the write journal", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not apply the write journal", e);
        }
    }

    /** Opens a fresh segment and starts applying; call after {@link #recover()} and the migration. */
    public void start() {
        long lastMarked = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(lsn), 0) FROM journal_applied")
                .mapTo(Long.class).one());
        lock.lock();
        try {
            nextLsn = Math.max(nextLsn, lastMarked + 1);
            writtenLsn = nextLsn - 1;
            appliedLsn = writtenLsn;
            file.startSegment();
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the write journal", e);
        } finally {
            lock.unlock();
        }
        applier = new Thread(this::applyLoop, "journal-applier");
        applier.setDaemon(true);
        applier.start();
    }

    /**
     * Appends {@code entry} and returns once it is in the journal file (it is applied shortly after).
     *
     * @throws GroupCommit.DurabilityException when the write that covered it failed: nothing of it stays
     * @throws IllegalStateException when the journal is closed
     */
    public void append(WriteJournalEntry entry) {
        byte[] record = entry.encode(); // outside the lock: only numbering is serial
        lock.lock();
        try {
            while (unapplied >= MAX_UNAPPLIED && !closing && applierDied == null) {
                appliedMoved.awaitUninterruptibly();
            }
            if (closing || !started) {
                throw new IllegalStateException("the write journal is closed");
            }
            if (applierDied != null) {
                throw new IllegalStateException("the write journal stopped applying", applierDied);
            }
            entry.number(nextLsn++, record);
            unapplied++;
            numbered.add(new Numbered(record, entry));
        } finally {
            lock.unlock();
        }
        writes.awaitDurable();
    }

    /** Writes every record numbered so far, as one write; the group commit's leader calls it. */
    private void writeNumbered() throws IOException {
        List<Numbered> batch;
        lock.lock();
        try {
            batch = numbered;
            numbered = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (broken != null) {
                throw new IOException("the write journal failed earlier", broken);
            }
            if (file.currentSize() >= segmentBytes) {
                long closed = file.currentSegment();
                file.startSegment();
                synchronized (closedSegments) {
                    closedSegments.add(new ClosedSegment(closed, writtenLsn));
                }
            }
            int size = 0;
            for (Numbered n : batch) {
                size += WriteJournalFile.framedSize(n.record());
            }
            ByteBuffer framed = ByteBuffer.allocate(size);
            batch.forEach(n -> WriteJournalFile.frame(framed, n.record()));
            framed.flip();
            file.append(framed);
        } catch (IOException e) {
            if (e instanceof WriteJournalFile.BrokenJournalException) {
                broken = e;
            }
            lock.lock();
            try {
                unapplied -= batch.size();
                appliedMoved.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        lock.lock();
        try {
            batch.forEach(n -> written.add(n.entry()));
            writtenLsn = batch.get(batch.size() - 1).entry().lsn();
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Returns once every record acknowledged so far is in the database. */
    public void awaitAcknowledged() {
        long target = writtenLsn;
        if (appliedLsn >= target) {
            return;
        }
        lock.lock();
        try {
            while (appliedLsn < target) {
                if (applierDied != null) {
                    throw new IllegalStateException("the write journal stopped applying", applierDied);
                }
                appliedMoved.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void applyLoop() {
        try {
            while (true) {
                List<WriteJournalEntry> batch = new ArrayList<>();
                lock.lock();
                try {
                    while (written.isEmpty() && !closing) {
                        workArrived.awaitUninterruptibly();
                    }
                    if (written.isEmpty()) {
                        return; // closing, and everything written is applied
                    }
                    while (!written.isEmpty() && batch.size() < APPLY_BATCH) {
                        batch.add(written.poll());
                    }
                } finally {
                    lock.unlock();
                }
                apply(batch, true);
                lock.lock();
                try {
                    appliedLsn = batch.get(batch.size() - 1).lsn();
                    unapplied -= batch.size();
                    appliedMoved.signalAll();
                } finally {
                    lock.unlock();
                }
                Set<Runnable> after = new LinkedHashSet<>();
                batch.forEach(entry -> after.addAll(entry.afterApplyActions()));
                after.forEach(WriteJournal::runQuietly);
                deleteStoredSegments();
            }
        } catch (Throwable e) {
            LOG.error("the write journal stopped applying", e);
            lock.lock();
            try {
                applierDied = e;
                appliedMoved.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Applies records in one transaction; when that fails, one at a time, skipping any that fails alone.
     * Returns how many it skipped; {@code warn} says each (a live record should never be skipped).
     */
    private int apply(List<WriteJournalEntry> entries, boolean warn) {
        try {
            applyTogether(entries);
            return 0;
        } catch (RuntimeException together) {
            int skipped = 0;
            for (WriteJournalEntry entry : entries) {
                try {
                    if (entries.size() == 1) {
                        throw together;
                    }
                    applyTogether(List.of(entry));
                } catch (RuntimeException alone) {
                    skip(entry, alone, warn);
                    skipped++;
                }
            }
            return skipped;
        }
    }

    private void applyTogether(List<WriteJournalEntry> entries) {
        jdbi.useTransaction(handle -> {
            Map<String, PreparedBatch> bySql = new LinkedHashMap<>();
            Map<UUID, Long> marks = new LinkedHashMap<>();
            for (WriteJournalEntry entry : entries) {
                for (WriteJournalEntry.Row row : entry.rows()) {
                    bySql.computeIfAbsent(row.sql(), handle::prepareBatch).add(row.parameters());
                }
                marks.put(entry.workspaceId(), entry.lsn());
            }
            bySql.values().forEach(PreparedBatch::execute);
            mark(handle, marks);
        });
    }

    private static void mark(Handle handle, Map<UUID, Long> marks) {
        PreparedBatch mark = handle.prepareBatch(MARK_APPLIED);
        marks.forEach((workspaceId, lsn) -> mark.bind("workspaceId", workspaceId).bind("lsn", lsn).add());
        mark.execute();
    }

    /** A record that cannot be applied even alone: its lead or workspace went meanwhile (or a bug). */
    private void skip(WriteJournalEntry entry, RuntimeException why, boolean warn) {
        if (warn) {
            LOG.warn("journal record {} of workspace {} could not be applied and is skipped ({} rows): {}",
                    entry.lsn(), entry.workspaceId(), entry.rows().size(), why.toString());
        }
        try {
            jdbi.useTransaction(handle -> mark(handle, Map.of(entry.workspaceId(), entry.lsn())));
        } catch (RuntimeException e) {
            // the workspace itself is gone: nothing left to mark, and a replay skips it the same way
        }
    }

    private Map<UUID, Long> appliedMarks() {
        Map<UUID, Long> marks = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT workspace_id, lsn FROM journal_applied")
                .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
                .forEach(e -> marks.put(e.getKey(), e.getValue())));
        return marks;
    }

    /** Deletes the closed segments whose records are all applied, once H2 has stored them. */
    private void deleteStoredSegments() {
        ClosedSegment done = null;
        synchronized (closedSegments) {
            while (!closedSegments.isEmpty() && closedSegments.peek().lastLsn() <= appliedLsn) {
                done = closedSegments.poll();
            }
        }
        if (done == null) {
            return;
        }
        try {
            checkpoint.run();
            file.deleteThrough(done.number());
        } catch (Exception e) {
            LOG.warn("could not delete the applied journal segments through {}; retrying later", done.number(), e);
            synchronized (closedSegments) {
                closedSegments.addFirst(done);
            }
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action after applying journal records failed", e);
        }
    }

    /** Records appended and not yet applied (for tests). */
    int unapplied() {
        lock.lock();
        try {
            return unapplied;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops appends, writes and applies what callers already appended, stores the database and
     * empties the journal. When applying failed the journal stays, for the next start to apply.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            workArrived.signalAll();
            appliedMoved.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writes.awaitDurable(); // what was numbered before closing reaches the file
        } catch (GroupCommit.DurabilityException e) {
            // its callers were told
        }
        boolean drained = true;
        if (applier != null) {
            lock.lock();
            try {
                workArrived.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                applier.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drained = false;
            }
        }
        try {
            if (started && drained && applierDied == null && written.isEmpty()) {
                checkpoint.run();
                file.deleteAll();
            } else {
                file.close();
            }
        } catch (Exception e) {
            LOG.warn("the write journal stays for the next start to apply", e);
        }
    }
}
