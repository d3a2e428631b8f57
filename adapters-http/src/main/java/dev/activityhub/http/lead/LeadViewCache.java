package dev.activityhub.http.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.activityhub.application.lead.port.in.GetLeadUseCase;
import dev.activityhub.application.lead.port.in.GetLeadUseCase.GetLeadQuery;
import dev.activityhub.http.lead.LeadResponses.LeadViewBody;
import dev.activityhub.http.shared.Json;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/leads/{leadId}}'s answer, rendered once and reused while it cannot have changed.
 * A lead with a long timeline renders to tens of kilobytes from a dozen reads; a client (or a UI)
 * reading it again and again would otherwise pay all of that each time.
 *
 * <p>A rendered answer is reused only while two things hold, so it is byte for byte what rendering
 * anew would give. Nothing has been written to the database: {@code storeVersion} counts every change,
 * is read before the view is, and is empty where other processes write too (PostgreSQL: nothing is
 * cached). And the clock is in the same second: signed document links carry an expiry in seconds from
 * now (the harness's clock counts, so moving it renders anew). Keyed by workspace, so another
 * workspace's lead is never served from here, and by the base URL the links are built on.
 *
 * <p>Readers that miss at the same moment share one rendering: a reader that finds a rendering under way
 * for the same store version and second waits for it instead of reading the lead too. Every new second
 * (or write) otherwise sent each request then in flight to the database at once, the same lead read up to
 * as many times as there were connections.
 */
public final class LeadViewCache {
    /** Enough for a few hundred typical leads; a lead's answer is at most a few hundred KB. */
    static final long MAX_BYTES = 8L << 20;
    /** Larger answers are not kept: one would push out many others. */
    static final int MAX_ENTRY_BYTES = 1 << 20;

    private final GetLeadUseCase getLead;
    private final Supplier<OptionalLong> storeVersion;
    private final Clock clock;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<Key, Rendering> rendering = new ConcurrentHashMap<>();
    private long bytes;

    public LeadViewCache(GetLeadUseCase getLead, Supplier<OptionalLong> storeVersion, Clock clock) {
        this.getLead = getLead;
        this.storeVersion = storeVersion;
        this.clock = clock;
    }

    /** The lead's view as JSON; a missing lead raises the use case's not-found error, never cached. */
    byte[] render(UUID workspaceId, UUID leadId, String baseUrl) {
        OptionalLong version = storeVersion.get(); // before reading: a change after this moves it
        long second = clock.instant().getEpochSecond();
        if (version.isEmpty()) {
            return renderAnew(workspaceId, leadId, baseUrl);
        }
        Key key = new Key(workspaceId, leadId, baseUrl);
        Entry kept = get(key);
        if (kept != null && kept.version == version.getAsLong() && kept.second == second) {
            return kept.json;
        }
        Rendering mine = new Rendering(version.getAsLong(), second, new CompletableFuture<>());
        Rendering underWay = rendering.putIfAbsent(key, mine);
        if (underWay != null) {
            // Its result is what this reader would render only if it read the same version in the same second.
            return underWay.version == mine.version && underWay.second == mine.second
                    ? underWay.awaitJson()
                    : renderAnew(workspaceId, leadId, baseUrl);
        }
        try {
            byte[] json = renderAnew(workspaceId, leadId, baseUrl);
            if (json.length <= MAX_ENTRY_BYTES) {
                put(key, new Entry(mine.version, second, json));
            }
            mine.json.complete(json);
            return json;
        } catch (Throwable e) { // whatever it is (a checked one thrown sneakily too), no waiter waits forever
            mine.json.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    private byte[] renderAnew(UUID workspaceId, UUID leadId, String baseUrl) {
        return toJson(LeadViewBody.of(getLead.getLead(new GetLeadQuery(workspaceId, leadId)), baseUrl));
    }

    private synchronized Entry get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, Entry entry) {
        Entry old = entries.put(key, entry);
        bytes += entry.json.length - (old == null ? 0 : old.json.length);
        var eldest = entries.values().iterator();
        while (bytes > MAX_BYTES && eldest.hasNext()) {
            bytes -= eldest.next().json.length;
            eldest.remove();
        }
    }

    private static byte[] toJson(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lead view did not render", e);
        }
    }

    private record Key(UUID workspaceId, UUID leadId, String baseUrl) {
    }

    private record Entry(long version, long second, byte[] json) {
    }

    /** A rendering under way, and the version and second it was started for. */
    private record Rendering(long version, long second, CompletableFuture<byte[]> json) {
        /** Its answer, or the same failure (a missing lead's not-found) its reader got. */
        byte[] awaitJson() {
            try {
                return json.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
