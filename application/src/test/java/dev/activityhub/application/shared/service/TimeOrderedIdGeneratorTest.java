package dev.activityhub.application.shared.service;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeOrderedIdGeneratorTest {
    private static final Instant AT = Instant.parse("2026-01-30T02:00:00.000Z");

    @Test
    void producesVersion7IdsCarryingTheClocksMillis() {
        UUID id = new TimeOrderedIdGenerator(Clock.fixed(AT, ZoneOffset.UTC), new Random(1)).newId();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(AT.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsFromOneGeneratorIncreaseEvenWithinOneMillisecond() {
        var generator = new TimeOrderedIdGenerator(Clock.fixed(AT, ZoneOffset.UTC), new Random(2));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(generator.newId());
        }
        List<String> asText = ids.stream().map(UUID::toString).toList();
        assertEquals(asText.stream().sorted().toList(), asText, "string order = creation order");
        assertEquals(1000, ids.stream().distinct().count());
    }

    @Test
    void aSeedMakesIdsReproducible() {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        assertEquals(new TimeOrderedIdGenerator(clock, new Random(42)).newId(),
                new TimeOrderedIdGenerator(clock, new Random(42)).newId());
    }
}
