package dev.activityhub.application.webhook.service;

import dev.activityhub.domain.shared.Violations;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.application.webhook.port.in.CreateWebhookUseCase;
import dev.activityhub.application.webhook.port.in.DeleteWebhookUseCase;
import dev.activityhub.application.webhook.port.in.GetWebhookUseCase;
import dev.activityhub.application.webhook.port.in.ListWebhooksUseCase;
import dev.activityhub.application.webhook.port.in.RotateWebhookSecretUseCase;
import dev.activityhub.application.webhook.port.in.UpdateWebhookUseCase;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Subscriptions: where a workspace wants which events. */
public final class WebhookSubscriptionService implements CreateWebhookUseCase, ListWebhooksUseCase,
        GetWebhookUseCase, UpdateWebhookUseCase, DeleteWebhookUseCase, RotateWebhookSecretUseCase {

    /** How long a replaced secret keeps signing next to the new one unless configured otherwise. */
    public static final Duration DEFAULT_ROTATION_OVERLAP = Duration.ofHours(24);

    private final WebhookSubscriptionPort subscriptions;
    private final DestinationGuard guard;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final Duration rotationOverlap;

    public WebhookSubscriptionService(WebhookSubscriptionPort subscriptions, DestinationGuard guard,
                                      TransactionPort tx, Clock clock, IdGenerator ids, SecretGenerator secrets) {
        this(subscriptions, guard, tx, clock, ids, secrets, DEFAULT_ROTATION_OVERLAP);
    }

    /** @param rotationOverlap how long a secret replaced by a rotation still signs deliveries */
    public WebhookSubscriptionService(WebhookSubscriptionPort subscriptions, DestinationGuard guard,
                                      TransactionPort tx, Clock clock, IdGenerator ids, SecretGenerator secrets,
                                      Duration rotationOverlap) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
        this.rotationOverlap = rotationOverlap;
    }

    @Override
    public WebhookSubscription createWebhook(CreateWebhookCommand command) {
        requireValid(command.inputErrors(), command.url());
        WebhookSecret secret = command.secret() != null ? command.secret() : generatedSecret();
        WebhookSubscription subscription = WebhookSubscription.create(command.workspaceId(), ids.newId(),
                command.url(), command.events(), secret, clock.instant()).withRateLimit(command.rateLimitPerSecond(),
                clock.instant());
        tx.inTransaction(() -> subscriptions.saveSubscription(subscription));
        return subscription;
    }

    @Override
    public List<WebhookSubscription> listWebhooks(UUID workspaceId) {
        return subscriptions.listSubscriptions(workspaceId);
    }

    @Override
    public WebhookSubscription getWebhook(UUID workspaceId, UUID webhookId) {
        return subscriptions.findSubscription(workspaceId, webhookId).orElseThrow(WebhookSubscriptionService::notFound);
    }

    @Override
    public WebhookSubscription updateWebhook(UpdateWebhookCommand command) {
        requireValid(command.inputErrors(), command.url()); // DNS lookups stay outside the transaction
        return tx.inTransaction(() -> {
            WebhookSubscription current = getWebhook(command.workspaceId(), command.webhookId());
            Instant now = clock.instant();
            WebhookSubscription updated = current;
            if (command.url() != null) {
                updated = updated.withUrl(command.url(), now);
            }
            if (command.events() != null) {
                updated = updated.withEvents(command.events(), now);
            }
            if (command.rateLimitPerSecond() != null) {
                updated = updated.withRateLimit(command.rateLimitPerSecond().orElse(null), now);
            }
            if (command.enabled() != null && command.enabled() != updated.enabled()) {
                updated = command.enabled() ? updated.enable(now) : updated.disable("disabled by the API", now);
            }
            subscriptions.updateSubscription(updated);
            if (!current.enabled() && updated.enabled()) {
                subscriptions.clearFailing(updated.workspaceId(), updated.id()); // re-enabling starts the count afresh
            }
            return updated;
        });
    }

    @Override
    public RotatedSecret rotateSecret(RotateSecretCommand command) {
        WebhookSecret next = command.secret() != null ? command.secret() : generatedSecret();
        return tx.inTransaction(() -> {
            WebhookSubscription current = getWebhook(command.workspaceId(), command.webhookId());
            if (current.secret().value().equals(next.value())) {
                throw ValidationException.of("secret", Rule.UNCHANGED, null, null);
            }
            Instant now = clock.instant();
            List<RetiredSecret> retired = RetiredSecret.afterRotation(
                    subscriptions.retiredSecrets(current.workspaceId(), current.id()), current.secret(), next, now,
                    rotationOverlap);
            WebhookSubscription rotated = current.withSecret(next, now);
            subscriptions.updateSubscription(rotated);
            subscriptions.replaceRetiredSecrets(current.workspaceId(), current.id(), retired);
            return new RotatedSecret(rotated, now.plus(rotationOverlap));
        });
    }

    @Override
    public void deleteWebhook(UUID workspaceId, UUID webhookId) {
        tx.inTransaction(() -> {
            if (!subscriptions.deleteSubscription(workspaceId, webhookId)) {
                throw notFound();
            }
        });
    }

    private WebhookSecret generatedSecret() {
        return WebhookSecret.fromRandomHex(secrets.randomHex(WebhookSecret.GENERATED_BYTES));
    }

    /** The request's own failures and, for a URL that could be read, whether it may be called: one answer. */
    private void requireValid(List<FieldError> inputErrors, WebhookUrl url) {
        Violations errors = new Violations(inputErrors);
        if (url != null) {
            errors.check(() -> {
                requireSafe(url);
                return null;
            });
        }
        errors.throwIfAny();
    }

    private void requireSafe(WebhookUrl url) {
        // The same words for every refusal: nothing about what the host resolves to.
        guard.refusal(url).ifPresent(reason -> {
            throw new ValidationException(List.of(FieldError.about("url", Rule.FORBIDDEN_DESTINATION, reason,
                    url.value())));
        });
    }

    static NotFoundException notFound() {
        return new NotFoundException("WEBHOOK_NOT_FOUND", "Webhook not found");
    }
}
