package dev.activityhub.jdbc.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    @Test
    void everyCallerReturnsOnlyAfterAFlushThatStartedAfterItsCommit() throws Exception {
        AtomicLong commits = new AtomicLong();
        AtomicLong durableWatermark = new AtomicLong();
        GroupCommit group = new GroupCommit(() -> {
            long seenAtStart = commits.get();
            Thread.sleep(1); // a flush takes a while, so commits pile up behind it
            durableWatermark.accumulateAndGet(seenAtStart, Math::max);
        });
        int threads = 16;
        int perThread = 100;
        everyThreadCommits(threads, perThread, () -> {
            long mine = commits.incrementAndGet(); // "the transaction committed"
            group.awaitDurable();
            assertTrue(durableWatermark.get() >= mine, "returned before its commit was flushed");
        });
        long flushes = group.flushCount();
        assertTrue(flushes >= 1 && flushes < threads * perThread,
                "one flush serves many commits: " + flushes + " flushes for " + threads * perThread + " commits");
    }

    @Test
    void aFailedFlushFailsTheCommitsItCoveredAndOnlyThose() throws Exception {
        HeldFirstFlush flush = new HeldFirstFlush(n -> {
            if (n == 2) {
                throw new IOException("disk full");
            }
        });
        GroupCommit group = new GroupCommit(flush);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = pool.submit(group::awaitDurable);
            assertTrue(flush.entered.await(10, TimeUnit.SECONDS));
            // Two commits arrive while the first flush runs: the next flush covers both, and fails.
            Future<?> second = pool.submit(group::awaitDurable);
            Future<?> third = pool.submit(group::awaitDurable);
            awaitPending(group, 3);
            flush.release.countDown();

            first.get(10, TimeUnit.SECONDS);
            for (Future<?> failed : List.of(second, third)) {
                var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
                assertInstanceOf(GroupCommit.DurabilityException.class, e.getCause());
                assertInstanceOf(IOException.class, e.getCause().getCause());
            }
            // A later commit gets a flush of its own and succeeds.
            pool.submit(group::awaitDurable).get(10, TimeUnit.SECONDS);
            assertEquals(3, flush.number.get());
        } finally {
            flush.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aCommitAloneIsFlushedAtOnceAndNoneIsNeededWithoutAFlush() {
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit group = new GroupCommit(flushes::incrementAndGet);
        group.awaitDurable();
        group.awaitDurable();
        assertEquals(2, flushes.get());
        GroupCommit.NONE.awaitDurable();
        assertEquals(0, GroupCommit.NONE.flushCount());
    }

    @Test
    void anInterruptedCallerStillWaitsForItsFlushAndKeepsItsInterrupt() throws Exception {
        HeldFirstFlush flush = new HeldFirstFlush(n -> { });
        GroupCommit group = new GroupCommit(flush);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(group::awaitDurable);
            assertTrue(flush.entered.await(10, TimeUnit.SECONDS));
            AtomicReference<Thread> waiter = new AtomicReference<>();
            Future<Boolean> second = pool.submit(() -> {
                waiter.set(Thread.currentThread());
                group.awaitDurable();
                return Thread.currentThread().isInterrupted();
            });
            awaitPending(group, 2);
            waiter.get().interrupt();
            Thread.sleep(50);
            assertFalse(second.isDone(), "returned before the flush that covers its commit");
            flush.release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertTrue(second.get(10, TimeUnit.SECONDS), "the interrupt is kept for the caller");
            assertEquals(2, flush.number.get(), "the interrupted caller's commit got a flush of its own");
        } finally {
            flush.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void noCallerIsLeftWaitingWhenFlushesOftenFailAndCallersComeAndGo() throws Exception {
        AtomicLong commits = new AtomicLong();
        AtomicLong durableWatermark = new AtomicLong();
        AtomicInteger flushNumber = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            long seenAtStart = commits.get();
            int n = flushNumber.incrementAndGet();
            if (n % 3 == 0) {
                Thread.onSpinWait();
            } else if (n % 5 == 0) {
                throw new IOException("flush " + n + " failed");
            }
            durableWatermark.accumulateAndGet(seenAtStart, Math::max);
        });
        int threads = 32;
        int perThread = 300;
        AtomicInteger failures = new AtomicInteger();
        everyThreadCommits(threads, perThread, () -> { // a lost wake-up would hang here
            long mine = commits.incrementAndGet();
            try {
                group.awaitDurable();
                assertTrue(durableWatermark.get() >= mine, "returned before its commit was flushed");
            } catch (GroupCommit.DurabilityException e) {
                failures.incrementAndGet();
            }
        });
        assertEquals(0, group.pendingCommits());
        assertTrue(failures.get() > 0 && failures.get() < threads * perThread, "some commits failed: " + failures);
    }

    /** A flush whose first call waits for {@link #release}; every later call runs {@code later} with its number. */
    private static final class HeldFirstFlush implements GroupCommit.Flush {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger number = new AtomicInteger();
        private final Later later;

        interface Later {
            void flush(int number) throws Exception;
        }

        HeldFirstFlush(Later later) {
            this.later = later;
        }

        @Override
        public void flush() throws Exception {
            int n = number.incrementAndGet();
            if (n == 1) {
                entered.countDown();
                release.await();
            } else {
                later.flush(n);
            }
        }
    }

    /** {@code threads} threads each run {@code commit} {@code perThread} times; fails if any of them fails or hangs. */
    private static void everyThreadCommits(int threads, int perThread, Commit commit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perThread; i++) {
                        commit.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Commit {
        void run() throws Exception;
    }

    private static void awaitPending(GroupCommit group, int pending) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.pendingCommits() < pending) {
            assertTrue(System.nanoTime() < deadline, "commits never arrived");
            Thread.sleep(1);
        }
    }
}
