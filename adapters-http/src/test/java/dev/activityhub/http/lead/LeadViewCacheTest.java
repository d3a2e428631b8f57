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
    private final List<GetLeadUseCase.GetLeadQuery> reads = new ArrayList<>();
    private final Map<UUID, String> names = new java.util.HashMap<>();

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
