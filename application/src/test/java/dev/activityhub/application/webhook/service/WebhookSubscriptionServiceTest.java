package dev.activityhub.application.webhook.service;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.MutableTestClock;
import dev.activityhub.application.webhook.port.in.CreateWebhookUseCase.CreateWebhookCommand;
import dev.activityhub.application.webhook.port.in.RotateWebhookSecretUseCase.RotateSecretCommand;
import dev.activityhub.application.webhook.port.in.RotateWebhookSecretUseCase.RotatedSecret;
import dev.activityhub.application.webhook.port.in.UpdateWebhookUseCase.UpdateWebhookCommand;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.activityhub.application.testing.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSubscriptionServiceTest {
    static final String CLIENT_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    final MutableTestClock clock = new MutableTestClock();
    final InMemoryWebhooks store = new InMemoryWebhooks();
    final FakeResolver dns = new FakeResolver()
            .answer("hooks.example.com", "93.184.216.34")
            .answer("internal.example.com", "10.1.2.3")
            .answer("split.example.com", "93.184.216.34", "169.254.169.254")
            .answer("mapped.example.com", "::ffff:127.0.0.1");
    final WebhookSubscriptionService service = new WebhookSubscriptionService(store,
            new DestinationGuard(dns, Set.of(" Receiver.Local ")), Fakes.noTransactions(), clock,
            Fakes.sequentialIds(), Fakes.repeatingSecrets('a'));
    final UUID ws = UUID.randomUUID();

    WebhookSubscription create(String url, String... events) {
        return service.createWebhook(CreateWebhookCommand.of(ws, url, List.of(events), null));
    }

    @Test
    void generatesAStandardWebhooksSecretWhenNoneIsGiven() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");

        assertTrue(created.secret().value().startsWith("whsec_"));
        assertEquals(WebhookSecret.fromRandomHex("a".repeat(48)), created.secret(), "from the secret generator");
        assertEquals(WebhookSecret.GENERATED_BYTES, created.secret().keyBytes().length);
        assertTrue(created.enabled());
        assertEquals(Set.of("lead.created"), created.events());
        assertEquals(T0, created.createdAt());
        assertEquals(ws, created.workspaceId());
        assertEquals(created, store.subscriptions.get(created.id()));
    }

    @Test
    void keepsAClientChosenSecret() {
        WebhookSubscription created = service.createWebhook(CreateWebhookCommand.of(ws, "https://hooks.example.com/in",
                List.of("lead.created", "lead.updated", "lead.created"), CLIENT_SECRET));
        assertEquals(CLIENT_SECRET, created.secret().value());
        assertEquals(Set.of("lead.created", "lead.updated"), created.events(), "duplicates collapse");

        ValidationException e = assertThrows(ValidationException.class, () -> CreateWebhookCommand.of(ws,
                "https://hooks.example.com/in", List.of("lead.created"), "whsec_short"));
        assertEquals("secret", e.errors().get(0).field());
    }

    @Test
    void rejectsUnknownEventsNamingEachOne() {
        ValidationException e = assertThrows(ValidationException.class, () -> CreateWebhookCommand.of(ws,
                "https://hooks.example.com/in", List.of("lead.created", "lead.exploded", "nope"), null));
        assertEquals(List.of("events.1", "events.2"), e.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class,
                () -> CreateWebhookCommand.of(ws, "https://hooks.example.com/in", List.of(), null));
    }

    @Test
    void refusesDestinationsThatResolveToInternalAddresses() {
        for (String url : List.of("https://internal.example.com/x", "https://split.example.com/x",
                "https://mapped.example.com/x", "http://127.0.0.1:8080/x", "http://[::1]/x", "https://nowhere.example.com/x")) {
            ValidationException e = assertThrows(ValidationException.class, () -> create(url, "lead.created"), url);
            assertEquals("url", e.errors().get(0).field(), url);
            assertEquals("url_forbidden", e.errors().get(0).type(), url);
        }
        assertTrue(store.subscriptions.isEmpty(), "nothing stored");
    }

    @Test
    void theRefusalRevealsNothingAboutWhatTheHostResolvesTo() {
        for (String url : List.of("https://split.example.com/x", "https://internal.example.com/x",
                "https://nowhere.example.com/x", "http://[::1]/x")) {
            ValidationException e = assertThrows(ValidationException.class, () -> create(url, "lead.created"));
            // neutral: the adapter words it "url is not allowed: " + this reason, the same for every refusal
            assertEquals(Rule.FORBIDDEN_DESTINATION, e.errors().get(0).rule(), url);
            assertEquals("the destination is not allowed", e.errors().get(0).context(), url);
            assertFalse(e.getMessage().contains("169.254") || e.getMessage().contains("10.1.2.3")
                    || e.getMessage().contains("resolve") || e.getMessage().contains("link-local"), e.getMessage());
        }
    }

    @Test
    void aPublicAddressLiteralIsAccepted() {
        assertTrue(create("https://93.184.216.34/x", "lead.created").enabled());
        ValidationException e = assertThrows(ValidationException.class, () -> create("http://[::1]/x", "lead.created"));
        assertFalse(e.getMessage().contains("loopback"), "the refusal does not say what the address is: " + e.getMessage());
    }

    @Test
    void anAllowListedHostSkipsTheLookup() {
        WebhookSubscription created = create("http://receiver.local:9000/hook", "lead.created");
        assertTrue(created.enabled());
        assertFalse(dns.lookups.contains("receiver.local"), "allow-listed hosts are trusted without DNS");
    }

    @Test
    void refusesMalformedUrls() {
        for (String url : List.of("ftp://hooks.example.com/x", "not a url", "https://user:pw@hooks.example.com/")) {
            ValidationException e = assertThrows(ValidationException.class, () -> create(url, "lead.created"), url);
            assertEquals("url", e.errors().get(0).field());
        }
    }

    @Test
    void updatesOnlyTheGivenFields() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");
        clock.advance(Duration.ofMinutes(1));

        WebhookSubscription updated = service.updateWebhook(UpdateWebhookCommand.of(ws, created.id(), null,
                List.of("lead.completed"), null));

        assertEquals(Set.of("lead.completed"), updated.events());
        assertEquals(created.url(), updated.url());
        assertEquals(created.secret(), updated.secret());
        assertEquals(T0, updated.createdAt());
        assertEquals(T0.plus(Duration.ofMinutes(1)), updated.updatedAt());
        assertEquals(updated, store.subscriptions.get(created.id()));
    }

    @Test
    void aNewUrlIsCheckedAgainAndARefusedOneChangesNothing() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");

        assertThrows(ValidationException.class, () -> service.updateWebhook(UpdateWebhookCommand.of(ws, created.id(),
                "https://internal.example.com/in", List.of("lead.updated"), false)));
        assertEquals(created, store.subscriptions.get(created.id()));

        WebhookSubscription moved = service.updateWebhook(UpdateWebhookCommand.of(ws, created.id(),
                "https://hooks.example.com/v2", null, null));
        assertEquals(new WebhookUrl("https://hooks.example.com/v2"), moved.url());
    }

    @Test
    void disablingAndEnablingKeepTheReasonOnlyWhileDisabled() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");

        WebhookSubscription off = service.updateWebhook(UpdateWebhookCommand.of(ws, created.id(), null, null, false));
        assertFalse(off.enabled());
        assertEquals("disabled by the API", off.disabledReason());
        assertFalse(off.wants("lead.created"));

        WebhookSubscription on = service.updateWebhook(UpdateWebhookCommand.of(ws, created.id(), null, null, true));
        assertTrue(on.enabled());
        assertNull(on.disabledReason());
        assertTrue(store.subscriptions.get(created.id()).enabled());
    }

    @Test
    void disablingADisabledSubscriptionKeepsItsOriginalReason() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");
        store.updateSubscription(created.disable("endpoint answered 410 Gone", T0));

        WebhookSubscription still = service.updateWebhook(UpdateWebhookCommand.of(ws, created.id(), null, null, false));

        assertEquals("endpoint answered 410 Gone", still.disabledReason());
    }

    @Test
    void anUpdateMustChangeSomething() {
        assertThrows(ValidationException.class, () -> UpdateWebhookCommand.of(ws, UUID.randomUUID(), null, null, null));
    }

    @Test
    void anotherWorkspacesSubscriptionIsNotFound() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");
        UUID other = UUID.randomUUID();

        NotFoundException e = assertThrows(NotFoundException.class, () -> service.getWebhook(other, created.id()));
        assertEquals("WEBHOOK_NOT_FOUND", e.code());
        assertThrows(NotFoundException.class, () -> service.updateWebhook(
                UpdateWebhookCommand.of(other, created.id(), null, null, false)));
        assertThrows(NotFoundException.class, () -> service.deleteWebhook(other, created.id()));
        assertTrue(service.listWebhooks(other).isEmpty());
        assertEquals(created, store.subscriptions.get(created.id()), "untouched");
    }

    @Test
    void listsOldestFirstAndDeletesOnce() {
        WebhookSubscription first = create("https://hooks.example.com/1", "lead.created");
        clock.advance(Duration.ofSeconds(1));
        WebhookSubscription second = create("https://hooks.example.com/2", "lead.updated");

        assertEquals(List.of(first, second), service.listWebhooks(ws));

        service.deleteWebhook(ws, first.id());
        assertEquals(List.of(second), service.listWebhooks(ws));
        assertThrows(NotFoundException.class, () -> service.deleteWebhook(ws, first.id()));
        assertThrows(NotFoundException.class, () -> service.getWebhook(ws, first.id()));
    }

    // --- secret rotation

    @Test
    void rotationGivesANewSecretAndKeepsTheOldOneSigningForTheOverlap() {
        WebhookSubscription created = service.createWebhook(CreateWebhookCommand.of(ws, "https://hooks.example.com/in",
                List.of("lead.created"), CLIENT_SECRET));
        clock.advance(Duration.ofMinutes(1));

        RotatedSecret rotated = service.rotateSecret(RotateSecretCommand.of(ws, created.id(), null));

        assertEquals(WebhookSecret.fromRandomHex("a".repeat(48)), rotated.subscription().secret(), "generated");
        assertEquals(rotated.subscription().secret(), store.subscriptions.get(created.id()).secret());
        assertEquals(T0.plus(Duration.ofMinutes(1)).plus(Duration.ofHours(24)), rotated.previousSecretExpiresAt());
        assertEquals(List.of(new RetiredSecret(new WebhookSecret(CLIENT_SECRET), rotated.previousSecretExpiresAt())),
                store.retiredSecrets(ws, created.id()));
    }

    @Test
    void rotationTakesAClientSecretButNotTheCurrentOneNorAMalformedOne() {
        WebhookSubscription created = create("https://hooks.example.com/in", "lead.created");
        String chosen = "whsec_" + Base64.getEncoder().encodeToString(new byte[40]);

        assertEquals(chosen, service.rotateSecret(RotateSecretCommand.of(ws, created.id(), chosen))
                .subscription().secret().value());
        ValidationException same = assertThrows(ValidationException.class,
                () -> service.rotateSecret(RotateSecretCommand.of(ws, created.id(), chosen)));
        assertEquals("secret", same.errors().get(0).field());
        assertThrows(ValidationException.class, () -> RotateSecretCommand.of(ws, created.id(), "whsec_short"));
        assertEquals(1, store.retiredSecrets(ws, created.id()).size(), "a refused rotation changes nothing");
        assertThrows(NotFoundException.class,
                () -> service.rotateSecret(RotateSecretCommand.of(UUID.randomUUID(), created.id(), null)),
                "another workspace's webhook");
    }

    @Test
    void reEnablingResetsTheRunOfFailures() {
        WebhookSubscription s = create("https://hooks.example.com/in", "lead.created");
        store.markFailing(ws, s.id(), T0);
        service.updateWebhook(UpdateWebhookCommand.of(ws, s.id(), null, List.of("lead.updated"), null));
        assertEquals(T0, store.failingSince.get(s.id()), "other changes keep the count");
        service.updateWebhook(UpdateWebhookCommand.of(ws, s.id(), null, null, false));
        service.updateWebhook(UpdateWebhookCommand.of(ws, s.id(), null, null, true));
        assertFalse(store.failingSince.containsKey(s.id()));
    }
}
