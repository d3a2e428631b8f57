package dev.activityhub.bootstrap;

import dev.activityhub.http.shared.LoggedFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background job that runs one tick at a fixed delay on its own thread. Ticks claim their rows
 * in the database, so any number of instances can run the same worker.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final Runnable tick;
    private final Duration interval;
    private final boolean tickOnClose;
    /** A synchronous {@link #runOnce()} waits for a scheduled tick in progress, so its result is complete. */
    private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();
    private volatile ScheduledExecutorService executor;
    /** Coalesces nudges: at most one extra tick is queued however many arrive. */
    private final java.util.concurrent.atomic.AtomicBoolean nudged = new java.util.concurrent.atomic.AtomicBoolean();

    public Worker(String name, Duration interval, Runnable tick) {
        this(name, interval, tick, false);
    }

    /** @param tickOnClose run one last tick when closed, after the scheduled ones (a write-behind's last write) */
    public Worker(String name, Duration interval, Runnable tick, boolean tickOnClose) {
        this.name = name;
        this.interval = interval;
        this.tick = tick;
        this.tickOnClose = tickOnClose;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "worker-" + name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a tick as soon as possible instead of at the next interval (e.g. right after a commit
     * that wrote something this worker handles). Does nothing when the worker is not started.
     */
    public void nudge() {
        // Not synchronized: close() holds the lock while it waits for a tick, and a tick may nudge.
        ScheduledExecutorService running = executor;
        if (running != null && nudged.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    nudged.set(false);
                    runSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                nudged.set(false);
            }
        }
    }

    /** Runs one tick now on the caller's thread (tests and the harness clock use this). */
    public void runOnce() {
        running.lock();
        try {
            tick.run();
        } finally {
            running.unlock();
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("worker {} tick failed; retrying next tick", name, LoggedFailure.of(e));
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
            if (tickOnClose) {
                runSafely();
            }
        }
    }

    public String name() {
        return name;
    }
}
