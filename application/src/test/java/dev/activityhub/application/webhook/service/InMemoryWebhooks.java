package dev.activityhub.application.webhook.service;

import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.TieIds;
import dev.activityhub.application.webhook.port.out.WebhookDeliveryPort;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryFilter;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookSubscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Subscriptions, the outbox as the worker sees it, deliveries and attempts, in memory; same rules as the SQL adapter
 * (both ports pass {@code WebhookSubscriptionRepositoryContract} and {@code WebhookDeliveryRepositoryContract}).
 */
final class InMemoryWebhooks implements WebhookSubscriptionPort, WebhookDeliveryPort, WebhookOutboxPort {

    /** An outbox row. */
    static final class StoredEvent {
        final UUID workspaceId;
        final UUID id;
        final String type;
        final Instant availableAt;
        final String payload;
        Instant processedAt;

        StoredEvent(UUID workspaceId, UUID id, String type, Instant availableAt, String payload) {
            this.workspaceId = workspaceId;
            this.id = id;
            this.type = type;
            this.availableAt = availableAt;
            this.payload = payload;
        }
    }

    final Map<UUID, WebhookSubscription> subscriptions = new LinkedHashMap<>();
    final Map<UUID, StoredEvent> events = new LinkedHashMap<>();
    final Map<UUID, WebhookDelivery> deliveries = new LinkedHashMap<>();
    final List<DeliveryAttempt> attempts = new ArrayList<>();
    final Map<UUID, List<RetiredSecret>> retiredSecrets = new LinkedHashMap<>();
    final Map<UUID, Instant> failingSince = new LinkedHashMap<>();
    /** Events the worker appends (webhook.disabled): recorded only, not added to {@link #events}. */
    final Fakes.RecordingOutbox appended = new Fakes.RecordingOutbox();

    StoredEvent addEvent(UUID workspaceId, String type, Instant availableAt, String payload) {
        StoredEvent event = new StoredEvent(workspaceId, UUID.randomUUID(), type, availableAt, payload);
        events.put(event.id, event);
        return event;
    }

    List<WebhookDelivery> deliveriesOf(UUID subscriptionId) {
        return deliveries.values().stream().filter(d -> d.subscriptionId().equals(subscriptionId)).toList();
    }

    List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
        return attempts.stream().filter(a -> a.deliveryId().equals(deliveryId)).toList();
    }

    // --- subscriptions --------------------------------------------------------------------------

    @Override
    public void saveSubscription(WebhookSubscription subscription) {
        subscriptions.put(subscription.id(), subscription);
    }

    @Override
    public Optional<WebhookSubscription> findSubscription(UUID workspaceId, UUID id) {
        return Optional.ofNullable(subscriptions.get(id)).filter(s -> s.workspaceId().equals(workspaceId));
    }

    @Override
    public List<WebhookSubscription> listSubscriptions(UUID workspaceId) {
        return subscriptions.values().stream().filter(s -> s.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(WebhookSubscription::createdAt)
                        .thenComparing(WebhookSubscription::id, TieIds.DATABASE_ORDER))
                .toList();
    }

    @Override
    public void updateSubscription(WebhookSubscription subscription) {
        if (findSubscription(subscription.workspaceId(), subscription.id()).isEmpty()) {
            throw new IllegalStateException("no such subscription");
        }
        subscriptions.put(subscription.id(), subscription);
    }

    @Override
    public List<RetiredSecret> retiredSecrets(UUID workspaceId, UUID subscriptionId) {
        return findSubscription(workspaceId, subscriptionId).map(s -> retiredSecrets.getOrDefault(s.id(), List.of()))
                .orElse(List.of());
    }

    @Override
    public void replaceRetiredSecrets(UUID workspaceId, UUID subscriptionId, List<RetiredSecret> retired) {
        // Read back newest expiry first, as SQL orders them (ORDER BY expires_at DESC, secret).
        findSubscription(workspaceId, subscriptionId).ifPresent(s -> retiredSecrets.put(s.id(), retired.stream()
                .sorted(Comparator.comparing(RetiredSecret::expiresAt).reversed()
                        .thenComparing(r -> r.secret().value()))
                .toList()));
    }

    @Override
    public Instant markFailing(UUID workspaceId, UUID subscriptionId, Instant at) {
        if (findSubscription(workspaceId, subscriptionId).isEmpty()) {
            return at; // like SQL: nothing to mark
        }
        return failingSince.computeIfAbsent(subscriptionId, k -> at);
    }

    @Override
    public void clearFailing(UUID workspaceId, UUID subscriptionId) {
        if (findSubscription(workspaceId, subscriptionId).isPresent()) {
            failingSince.remove(subscriptionId);
        }
    }

    final Map<UUID, List<Instant>> rateSends = new LinkedHashMap<>();

    @Override
    public Optional<Instant> takeSendSlot(UUID workspaceId, UUID subscriptionId, int perWindow,
                                          java.time.Duration window, Instant now, UUID sendId) {
        if (findSubscription(workspaceId, subscriptionId).isEmpty()) {
            return Optional.of(now.plus(window)); // like SQL: deleted meanwhile, nothing will be sent
        }
        List<Instant> sends = rateSends.computeIfAbsent(subscriptionId, k -> new ArrayList<>());
        sends.removeIf(at -> !at.isAfter(now.minus(window)));
        if (sends.size() >= perWindow) {
            return Optional.of(sends.get(sends.size() - perWindow).plus(window));
        }
        sends.add(now);
        return Optional.empty();
    }

    @Override
    public boolean deleteSubscription(UUID workspaceId, UUID id) {
        if (findSubscription(workspaceId, id).isEmpty()) {
            return false;
        }
        subscriptions.remove(id);
        retiredSecrets.remove(id);
        failingSince.remove(id);
        rateSends.remove(id);
        deliveries.values().removeIf(d -> d.subscriptionId().equals(id));
        return true;
    }

    // --- outbox and deliveries ------------------------------------------------------------------

    @Override
    public void append(DomainEvent event) {
        appended.append(event);
    }

    @Override
    public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
        appended.cancelPending(workspaceId, dedupeKey, at);
    }

    @Override
    public List<DueEvent> lockDueEvents(Instant now, int limit) {
        return events.values().stream()
                .filter(e -> e.processedAt == null && !e.availableAt.isAfter(now))
                .sorted(Comparator.comparing((StoredEvent e) -> e.availableAt)
                        .thenComparing(e -> e.id, TieIds.DATABASE_ORDER))
                .limit(limit)
                .map(e -> new DueEvent(e.workspaceId, e.id, e.type))
                .toList();
    }

    @Override
    public void markEventProcessed(UUID workspaceId, UUID eventId, Instant at) {
        StoredEvent event = events.get(eventId);
        if (event != null && event.workspaceId.equals(workspaceId)) {
            event.processedAt = at;
        }
    }

    @Override
    public void addDelivery(WebhookDelivery delivery) {
        boolean duplicate = deliveries.values().stream().anyMatch(d -> d.subscriptionId().equals(delivery.subscriptionId())
                && d.eventId().equals(delivery.eventId()));
        if (!duplicate) {
            deliveries.put(delivery.id(), delivery);
        }
    }

    @Override
    public List<WebhookDelivery> claimDueDeliveries(Instant now, Instant leaseUntil, int limit) {
        List<WebhookDelivery> due = deliveries.values().stream()
                .filter(d -> d.isPending() && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt)
                        .thenComparing(WebhookDelivery::id, TieIds.DATABASE_ORDER))
                .limit(limit)
                .toList();
        for (WebhookDelivery d : due) {
            deliveries.put(d.id(), new WebhookDelivery(d.workspaceId(), d.id(), d.subscriptionId(), d.eventId(),
                    d.eventType(), d.status(), d.attempts(), leaseUntil, d.lastAttemptAt(), d.completedAt(),
                    d.lastError(), d.createdAt()));
        }
        return due; // as they were before the lease, like the SQL adapter's RETURNING of the old schedule
    }

    @Override
    public Optional<String> eventPayload(UUID workspaceId, UUID eventId) {
        return Optional.ofNullable(events.get(eventId)).filter(e -> e.workspaceId.equals(workspaceId))
                .map(e -> e.payload);
    }

    @Override
    public boolean recordOutcome(WebhookDelivery updated, int attemptsBefore, DeliveryAttempt attempt) {
        WebhookDelivery current = deliveries.get(updated.id());
        if (current == null || !current.isPending() || current.attempts() != attemptsBefore) {
            return false;
        }
        deliveries.put(updated.id(), updated);
        attempts.add(attempt);
        return true;
    }

    @Override
    public void updateDelivery(WebhookDelivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public int requeueFailed(UUID workspaceId, UUID subscriptionId, Instant since, Instant until) {
        List<WebhookDelivery> failed = deliveries.values().stream()
                .filter(d -> d.workspaceId().equals(workspaceId) && d.subscriptionId().equals(subscriptionId))
                .filter(d -> d.status() == DeliveryStatus.FAILED)
                .filter(d -> !d.createdAt().isBefore(since) && d.createdAt().isBefore(until))
                .toList();
        failed.forEach(d -> deliveries.put(d.id(), d.redeliverAt(d.createdAt())));
        return failed.size();
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(UUID workspaceId, UUID deliveryId) {
        return Optional.ofNullable(deliveries.get(deliveryId)).filter(d -> d.workspaceId().equals(workspaceId));
    }

    @Override
    public List<WebhookDelivery> listDeliveries(UUID workspaceId, UUID subscriptionId, DeliveryFilter filter,
                                                int limit) {
        return deliveries.values().stream()
                .filter(d -> d.workspaceId().equals(workspaceId) && d.subscriptionId().equals(subscriptionId))
                .filter(d -> filter.status() == null || d.status() == filter.status())
                .filter(d -> filter.eventType() == null || d.eventType().equals(filter.eventType()))
                .filter(d -> filter.since() == null || !d.createdAt().isBefore(filter.since()))
                .filter(d -> filter.until() == null || d.createdAt().isBefore(filter.until()))
                .sorted(Comparator.comparing(WebhookDelivery::createdAt)
                        .thenComparing(WebhookDelivery::id, TieIds.DATABASE_ORDER).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public Map<UUID, List<DeliveryAttempt>> attemptsOf(UUID workspaceId, List<UUID> deliveryIds) {
        return attempts.stream()
                .filter(a -> a.workspaceId().equals(workspaceId) && deliveryIds.contains(a.deliveryId()))
                .sorted(Comparator.comparingInt(DeliveryAttempt::attemptNumber))
                .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId, LinkedHashMap::new, Collectors.toList()));
    }
}
