package dev.activityhub.application.identity.service;

import dev.activityhub.domain.identity.Principal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The callers of recently used keys, by key hash, so a request need not look its key up again.
 * An entry lives at most {@code ttl}: a revocation on another instance takes at most that long to be
 * seen. A revocation here forgets the key at once. Unknown keys are never remembered (a key created
 * on another instance works at once, and random keys cannot fill the map).
 *
 * <p>Time is measured with a monotonic ticker, not the (movable) business clock: how long an entry
 * may live is about real time, whatever the harness clock says.
 */
public final class RecentPrincipals {
    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    /** Moves on every forget: a lookup that began before it must not put back what it read. */
    private final AtomicLong generation = new AtomicLong();

    private record Entry(Principal principal, long loadedAt) {
    }

    public RecentPrincipals(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Remembers nothing: every request looks its key up. */
    public static RecentPrincipals disabled() {
        return new RecentPrincipals(Duration.ZERO, System::nanoTime);
    }

    Optional<Principal> find(String keyHash) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry entry = byHash.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.loadedAt() >= ttlNanos) {
            byHash.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    /** Call before reading a key, and pass the result to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    /** Remembers what a lookup that started at {@code readGeneration} found, unless a key was forgotten since. */
    void remember(String keyHash, Principal principal, long readGeneration, long readAt) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        byHash.put(keyHash, new Entry(principal, readAt));
        if (generation.get() != readGeneration) {
            byHash.remove(keyHash); // a key was forgotten while we read: what we read may be stale
        }
    }

    long now() {
        return nanoTime.getAsLong();
    }

    /** Forgets one key (revoked here). */
    void forget(UUID keyId) {
        generation.incrementAndGet();
        byHash.values().removeIf(entry -> entry.principal().keyId().equals(keyId));
    }

    /** Forgets every key (the harness wiped the data). */
    public void forgetAll() {
        generation.incrementAndGet();
        byHash.clear();
    }
}
