package dev.activityhub.http.lead;

import dev.activityhub.application.lead.port.in.GetLeadUseCase;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.http.shared.Json;
import dev.activityhub.application.testing.MutableTestClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rendered lead is reused only while the store and the clock's second are unchanged, per workspace and base URL. */
class LeadViewCacheTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00.250Z");
    private static final UUID WS = UUID.randomUUID();
    private static final UUID OTHER_WS = UUID.randomUUID();
    private static final String BASE = "http://localhost:8080";

    private final AtomicLong version = new AtomicLong(7);
    private final List<GetLeadUseCase.GetLeadQuery> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<UUID, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    private final GetLeadUseCase getLead = query -> {
        reads.add(query);
        String name = names.get(query.leadId());
        if (name == null || !query.workspaceId().equals(WS)) {
            throw new NotFoundException("LEAD_NOT_FOUND", "Lead not found");
        }
        return view(query.leadId(), name);
    };

    private final MutableTestClock clock = new MutableTestClock(T0);

    private final LeadViewCache cache = new LeadViewCache(getLead, () -> OptionalLong.of(version.get()), clock);

    @Test
    void anUnchangedLeadIsRenderedOnceAndServedAsRenderingItAnewWould() throws Exception {
        UUID lead = lead("Ada");
        byte[] first = cache.render(WS, lead, BASE);
        clock.set(T0.plusMillis(700)); // same second
        byte[] second = cache.render(WS, lead, BASE);

        assertSame(first, second);
        assertEquals(1, reads.size());
        assertArrayEquals(Json.mapper().writeValueAsBytes(LeadResponses.LeadViewBody.of(view(lead, "Ada"), BASE)), second);
    }

    @Test
    void anyChangeToTheStoreRendersAnew() {
        UUID lead = lead("Ada");
        cache.render(WS, lead, BASE);
        names.put(lead, "Grace");
        version.incrementAndGet();

        assertTrue(new String(cache.render(WS, lead, BASE), StandardCharsets.UTF_8).contains("\"Grace\""));
        assertEquals(2, reads.size());
    }

    @Test
    void aNewSecondRendersAnewSinceSignedLinksExpireFromNow() {
        UUID lead = lead("Ada");
        cache.render(WS, lead, BASE);
        clock.set(T0.plusSeconds(1));
        cache.render(WS, lead, BASE);
        clock.set(T0.minusSeconds(3600)); // the harness may move time back
        cache.render(WS, lead, BASE);
        assertEquals(3, reads.size());
    }

    @Test
    void entriesAreKeptPerWorkspaceAndBaseUrl() {
        UUID lead = lead("Ada");
        cache.render(WS, lead, BASE);
        assertThrows(NotFoundException.class, () -> cache.render(OTHER_WS, lead, BASE),
                "another workspace's id reads through, and finds nothing");
        assertThrows(NotFoundException.class, () -> cache.render(OTHER_WS, lead, BASE), "a miss is not kept");
        cache.render(WS, lead, "https://hub.example.com");
        assertEquals(4, reads.size());
    }

    @Test
    void withoutAVersionEveryReadRenders() {
        LeadViewCache uncached = new LeadViewCache(getLead, OptionalLong::empty, clock);
        UUID lead = lead("Ada");
        uncached.render(WS, lead, BASE);
        uncached.render(WS, lead, BASE);
        assertEquals(2, reads.size());
    }

    @Test
    void theCacheHoldsABoundedNumberOfBytesDroppingTheLeastRecentlyRead() {
        UUID first = lead("Ada");
        int size = cache.render(WS, first, BASE).length;
        int fit = (int) (LeadViewCache.MAX_BYTES / size);
        for (int i = 0; i < fit + 10; i++) {
            cache.render(WS, lead("Lead " + i), BASE);
        }
        int before = reads.size();
        cache.render(WS, first, BASE);
        assertEquals(before + 1, reads.size(), "the first lead was pushed out by the later ones");
    }

    @Test
    void readersThatMissTogetherShareOneRendering() throws Exception {
        UUID lead = lead("Ada");
        BlockingReads blocking = new BlockingReads();
        LeadViewCache shared = blocking.cache();

        List<Future<byte[]>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            answers.add(pool.submit(() -> shared.render(WS, lead, BASE)));
            blocking.awaitFirstRead();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> shared.render(WS, lead, BASE)));
            }
            awaitWaiting(pool, 3);
            blocking.release();
            byte[] first = answers.get(0).get(10, TimeUnit.SECONDS);
            for (Future<byte[]> answer : answers) {
                assertSame(first, answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, blocking.reads.get(), "one read for the four readers");
    }

    @Test
    void aReaderOfAnotherVersionDoesNotTakeARenderingUnderWay() throws Exception {
        UUID lead = lead("Ada");
        BlockingReads blocking = new BlockingReads();
        LeadViewCache shared = blocking.cache();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> stale = pool.submit(() -> shared.render(WS, lead, BASE));
            blocking.awaitFirstRead();
            names.put(lead, "Grace");
            version.incrementAndGet();
            blocking.releaseLaterReads();

            assertTrue(new String(shared.render(WS, lead, BASE), StandardCharsets.UTF_8).contains("\"Grace\""),
                    "read after the change, not taken from the rendering that started before it");
            blocking.release();
            stale.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, blocking.reads.get());
    }

    @Test
    void readersSharingARenderingShareItsFailureAndNothingIsKept() throws Exception {
        UUID missing = UUID.randomUUID();
        BlockingReads blocking = new BlockingReads();
        LeadViewCache shared = blocking.cache();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> first = pool.submit(() -> shared.render(WS, missing, BASE));
            blocking.awaitFirstRead();
            Future<byte[]> second = pool.submit(() -> shared.render(WS, missing, BASE));
            awaitWaiting(pool, 1);
            blocking.release();
            for (Future<byte[]> answer : List.of(first, second)) {
                ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
                assertTrue(failure.getCause() instanceof NotFoundException, failure.getCause().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, blocking.reads.get());
        assertThrows(NotFoundException.class, () -> shared.render(WS, missing, BASE));
        assertEquals(2, blocking.reads.get(), "a failure is not kept");
    }

    /** The use case of this test class, whose reads wait for {@link #release()} (later ones until freed). */
    private final class BlockingReads implements GetLeadUseCase {
        final AtomicInteger reads = new AtomicInteger();
        private final CountDownLatch release = new CountDownLatch(1);
        private final CountDownLatch firstReadStarted = new CountDownLatch(1);
        private volatile boolean laterReadsFree;

        /** A cache over these reads, at this test's store version and clock. */
        LeadViewCache cache() {
            return new LeadViewCache(this, () -> OptionalLong.of(version.get()), clock);
        }

        void release() {
            release.countDown();
        }

        @Override
        public LeadView getLead(GetLeadQuery query) {
            boolean first = reads.incrementAndGet() == 1;
            if (first) {
                firstReadStarted.countDown();
            }
            if (first || !laterReadsFree) {
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS) || laterReadsFree, "never released");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return getLead.getLead(query);
        }

        void awaitFirstRead() throws InterruptedException {
            assertTrue(firstReadStarted.await(10, TimeUnit.SECONDS), "the first read never started");
        }

        void releaseLaterReads() {
            laterReadsFree = true;
        }
    }

    /** Waits until {@code count} of the pool's threads are parked (waiting for a rendering under way). */
    private static void awaitWaiting(ExecutorService pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long parked = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith("pool-")
                            && e.getKey().getState() == Thread.State.WAITING
                            && Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("awaitJson")))
                    .count();
            if (parked >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(count + " readers never waited for the rendering under way");
    }

    private UUID lead(String firstName) {
        UUID id = UUID.randomUUID();
        names.put(id, firstName);
        return id;
    }

    private static LeadView view(UUID id, String firstName) {
        Lead lead = Lead.create(WS, id, LeadChanges.none().with(LeadField.FIRST_NAME, firstName)
                .with(LeadField.EMAIL, "ada@example.com"), T0, PhoneNumbers.withDefaultRegion("US"));
        return new LeadView(lead, LeadStatus.IN_PROGRESS, LeadChecklist.empty(), List.of(), List.of(), List.of(),
                null, null, null, Map.of(), Map.of());
    }
}
