package dev.activityhub.domain.commerce;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetResolverTest {
    static final Instant T0 = Instant.parse("2025-01-16T09:00:00Z");
    final UUID rep = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final UUID caller = UUID.randomUUID();
    final UUID whatsapper = UUID.randomUUID();

    Commerce commerce(UUID representative, UUID ownerId) {
        return Commerce.create(UUID.randomUUID(), UUID.randomUUID(), "ext", new Commerce.Details("Shop", null, List.of(),
                representative, ownerId), T0);
    }

    final ContactHistory history = new ContactHistory(caller, Map.of(ActivityChannel.WHATSAPP, whatsapper,
            ActivityChannel.CALLCENTER, caller));

    static TargetCriterion criterion(TargetCriterion.Type type, int priority, Map<String, Object> config) {
        return new TargetCriterion(type, config, priority);
    }

    @Test
    void fallsBackToRepresentativeThenOwner() {
        assertEquals(rep, TargetResolver.resolve(List.of(), commerce(rep, owner), ActivityChannel.SMS, () -> ContactHistory.NONE).get(0).userId());
        var onlyOwner = TargetResolver.resolve(List.of(), commerce(null, owner), ActivityChannel.SMS, () -> ContactHistory.NONE);
        assertEquals(owner, onlyOwner.get(0).userId());
        assertEquals("OWNER", onlyOwner.get(0).source());
        assertTrue(TargetResolver.resolve(List.of(), commerce(null, null), ActivityChannel.SMS, () -> ContactHistory.NONE).isEmpty());
    }

    @Test
    void lowerPriorityWinsRegardlessOfOrder() {
        var result = TargetResolver.resolve(List.of(
                        criterion(TargetCriterion.Type.LAST_CONTACTED_ALL_CHANNELS, 9, null),
                        criterion(TargetCriterion.Type.LAST_CONTACTED_SAME_CHANNEL, 2, null)),
                commerce(rep, owner), ActivityChannel.WHATSAPP, () -> history);
        assertEquals(List.of(whatsapper, caller, rep, owner), result.stream().map(TargetCandidate::userId).toList());
        assertEquals("LAST_CONTACTED_SAME_CHANNEL", result.get(0).source());
    }

    @Test
    void criteriaThatFindNobodyAreSkipped() {
        var result = TargetResolver.resolve(List.of(
                        criterion(TargetCriterion.Type.LAST_CONTACTED_SAME_CHANNEL, 1, null),
                        criterion(TargetCriterion.Type.ROLE_MATCH, 2, Map.of("role", "owner"))),
                commerce(rep, owner), ActivityChannel.EMAIL, () -> history);
        assertEquals(owner, result.get(0).userId(), "no EMAIL history; the role match finds the owner");
        assertEquals(2, result.size(), "the owner appears once even though it also is a fallback");
        assertTrue(TargetResolver.resolve(List.of(criterion(TargetCriterion.Type.ROLE_MATCH, 1, Map.of("role", "CEO"))),
                commerce(null, null), ActivityChannel.SMS, () -> history).isEmpty());
    }

    @Test
    void theHistoryIsReadOnlyForACriterionThatAsksWhoLastContactedAndThenOnce() {
        int[] reads = new int[1];
        java.util.function.Supplier<ContactHistory> counted = () -> {
            reads[0]++;
            return history;
        };
        TargetResolver.resolve(List.of(criterion(TargetCriterion.Type.ROLE_MATCH, 1, Map.of("role", "owner"))),
                commerce(rep, owner), ActivityChannel.WHATSAPP, counted);
        TargetResolver.resolve(List.of(), commerce(rep, owner), ActivityChannel.WHATSAPP, counted);
        assertEquals(0, reads[0], "no criterion needs it");
        var result = TargetResolver.resolve(List.of(
                        criterion(TargetCriterion.Type.LAST_CONTACTED_ALL_CHANNELS, 1, null),
                        criterion(TargetCriterion.Type.LAST_CONTACTED_SAME_CHANNEL, 2, null)),
                commerce(rep, owner), ActivityChannel.WHATSAPP, counted);
        assertEquals(1, reads[0]);
        assertEquals(List.of(caller, whatsapper, rep, owner), result.stream().map(TargetCandidate::userId).toList());
    }
}
