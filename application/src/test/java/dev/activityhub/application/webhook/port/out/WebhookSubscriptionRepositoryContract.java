package dev.activityhub.application.webhook.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link WebhookSubscriptionPort} promises, for the in-memory fake and the SQL adapter alike. Every test
 * uses workspaces of its own.
 */
public abstract class WebhookSubscriptionRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");
    private static final WebhookSecret FIRST = WebhookSecret.fromRandomHex("11".repeat(24));
    private static final WebhookSecret SECOND = WebhookSecret.fromRandomHex("22".repeat(24));
    private static final WebhookSecret THIRD = WebhookSecret.fromRandomHex("33".repeat(24));

    protected abstract WebhookSubscriptionPort subscriptions();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    private WebhookSubscription saved(UUID ws, UUID id, Instant at) {
        WebhookSubscription sub = WebhookSubscription.create(ws, id, new WebhookUrl("https://8.8.8.8/h"),
                Set.of("lead.created", "lead.updated"), FIRST, at);
        subscriptions().saveSubscription(sub);
        return sub;
    }

    @Test
    void aSubscriptionIsReadBackAsSavedInItsWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        WebhookSubscription sub = saved(ws, UUID.randomUUID(), T0).withRateLimit(5, T0);
        subscriptions().updateSubscription(sub);

        assertEquals(sub, subscriptions().findSubscription(ws, sub.id()).orElseThrow());
        assertTrue(subscriptions().findSubscription(other, sub.id()).isEmpty());
        assertTrue(subscriptions().findSubscription(ws, UUID.randomUUID()).isEmpty());
        assertTrue(subscriptions().listSubscriptions(other).isEmpty());
    }

    @Test
    void subscriptionsAreListedOldestFirstWithTheLowerIdFirstOnATie() {
        UUID ws = newWorkspace();
        WebhookSubscription newest = saved(ws, UUID.randomUUID(), T0.plusSeconds(2));
        WebhookSubscription tieHigh = saved(ws, TieIds.high(), T0.plusSeconds(1));
        WebhookSubscription oldest = saved(ws, UUID.randomUUID(), T0);
        WebhookSubscription tieLow = saved(ws, TieIds.low(), T0.plusSeconds(1));

        assertEquals(List.of(oldest, tieLow, tieHigh, newest), subscriptions().listSubscriptions(ws));
    }

    @Test
    void anUpdateOverwritesTheSubscription() {
        UUID ws = newWorkspace();
        WebhookSubscription sub = saved(ws, UUID.randomUUID(), T0);
        WebhookSubscription changed = sub.withUrl(new WebhookUrl("https://1.1.1.1/other"), T0.plusSeconds(1))
                .withEvents(Set.of("lead.completed"), T0.plusSeconds(1)).withSecret(SECOND, T0.plusSeconds(1))
                .disable("too many failures", T0.plusSeconds(1));

        subscriptions().updateSubscription(changed);

        assertEquals(changed, subscriptions().findSubscription(ws, sub.id()).orElseThrow());
        assertEquals(List.of(changed), subscriptions().listSubscriptions(ws));
    }

    @Test
    void retiredSecretsAreReplacedWholeAndReadNewestExpiryFirst() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        WebhookSubscription sub = saved(ws, UUID.randomUUID(), T0);
        assertTrue(subscriptions().retiredSecrets(ws, sub.id()).isEmpty());
        RetiredSecret soon = new RetiredSecret(SECOND, T0.plus(Duration.ofHours(2)));
        RetiredSecret later = new RetiredSecret(FIRST, T0.plus(Duration.ofHours(24)));

        subscriptions().replaceRetiredSecrets(ws, sub.id(), List.of(soon, later));
        assertEquals(List.of(later, soon), subscriptions().retiredSecrets(ws, sub.id()));
        assertTrue(subscriptions().retiredSecrets(other, sub.id()).isEmpty());

        RetiredSecret latest = new RetiredSecret(THIRD, T0.plus(Duration.ofHours(48)));
        subscriptions().replaceRetiredSecrets(ws, sub.id(), List.of(latest));
        assertEquals(List.of(latest), subscriptions().retiredSecrets(ws, sub.id()));
        subscriptions().replaceRetiredSecrets(ws, sub.id(), List.of());
        assertTrue(subscriptions().retiredSecrets(ws, sub.id()).isEmpty());
    }

    @Test
    void aRunOfFailuresKeepsItsFirstTimeUntilClearedAndOnlyItsWorkspaceTouchesIt() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        WebhookSubscription sub = saved(ws, UUID.randomUUID(), T0);

        assertEquals(T0.plusSeconds(1), subscriptions().markFailing(ws, sub.id(), T0.plusSeconds(1)));
        assertEquals(T0.plusSeconds(1), subscriptions().markFailing(ws, sub.id(), T0.plusSeconds(2)));
        subscriptions().clearFailing(other, sub.id());
        assertEquals(T0.plusSeconds(1), subscriptions().markFailing(ws, sub.id(), T0.plusSeconds(3)),
                "another workspace cannot end the run");
        subscriptions().clearFailing(ws, sub.id());
        subscriptions().clearFailing(ws, sub.id());
        assertEquals(T0.plusSeconds(4), subscriptions().markFailing(ws, sub.id(), T0.plusSeconds(4)));

        UUID elsewhere = saved(other, UUID.randomUUID(), T0).id();
        assertEquals(T0.plusSeconds(5), subscriptions().markFailing(ws, elsewhere, T0.plusSeconds(5)),
                "another workspace's subscription: no run is started");
        assertEquals(T0.plusSeconds(6), subscriptions().markFailing(other, elsewhere, T0.plusSeconds(6)));
    }

    @Test
    void sendSlotsAllowPerWindowRequestsInAnyWindowAndSayWhenTheNextFreesUp() {
        UUID ws = newWorkspace();
        WebhookSubscription sub = saved(ws, UUID.randomUUID(), T0);
        Duration second = Duration.ofSeconds(1);

        assertEquals(Optional.empty(), take(ws, sub.id(), T0));
        assertEquals(Optional.empty(), take(ws, sub.id(), T0.plusMillis(100)));
        assertEquals(Optional.of(T0.plus(second)), take(ws, sub.id(), T0.plusMillis(200)), "full: nothing taken");
        assertEquals(Optional.of(T0.plus(second)), take(ws, sub.id(), T0.plusMillis(999)));
        assertEquals(Optional.empty(), take(ws, sub.id(), T0.plus(second)), "the first send left the window");
        assertEquals(Optional.of(T0.plusMillis(1100)), take(ws, sub.id(), T0.plusMillis(1050)));
    }

    @Test
    void aSubscriptionThatIsNotThereGetsNoSendSlot() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        WebhookSubscription sub = saved(other, UUID.randomUUID(), T0);
        assertTrue(take(ws, UUID.randomUUID(), T0).isPresent());
        assertTrue(take(ws, sub.id(), T0).isPresent(), "another workspace's subscription");
        assertEquals(Optional.empty(), take(other, sub.id(), T0));
    }

    private Optional<Instant> take(UUID ws, UUID subscriptionId, Instant now) {
        return subscriptions().takeSendSlot(ws, subscriptionId, 2, Duration.ofSeconds(1), now, UUID.randomUUID());
    }

    @Test
    void deletingRemovesTheSubscriptionOnceAndOnlyInItsWorkspace() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        WebhookSubscription sub = saved(ws, UUID.randomUUID(), T0);
        subscriptions().replaceRetiredSecrets(ws, sub.id(), List.of(new RetiredSecret(SECOND, T0.plusSeconds(60))));

        assertFalse(subscriptions().deleteSubscription(other, sub.id()));
        assertTrue(subscriptions().findSubscription(ws, sub.id()).isPresent());
        assertTrue(subscriptions().deleteSubscription(ws, sub.id()));
        assertFalse(subscriptions().deleteSubscription(ws, sub.id()), "already gone");
        assertTrue(subscriptions().findSubscription(ws, sub.id()).isEmpty());
        assertTrue(subscriptions().listSubscriptions(ws).isEmpty());
        assertTrue(subscriptions().retiredSecrets(ws, sub.id()).isEmpty());
    }
}
