package dev.activityhub.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A secret replaced by a rotation that deliveries still sign with until {@code expiresAt}, so a receiver
 * can switch to the new secret at its own pace (Standard Webhooks: several space-separated signatures).
 */
public record RetiredSecret(WebhookSecret secret, Instant expiresAt) {
    /** Old secrets signing at the same time, at most; the oldest go first. */
    public static final int MAX_RETIRED = 5;

    public RetiredSecret {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /**
     * The retired secrets after {@code replaced} gave way to {@code next} at {@code now}: the expired ones
     * dropped, {@code replaced} added for {@code overlap}, the new current secret never among them, no
     * secret twice, and only the {@link #MAX_RETIRED} newest kept. Newest first.
     */
    public static List<RetiredSecret> afterRotation(List<RetiredSecret> current, WebhookSecret replaced,
                                                    WebhookSecret next, Instant now, Duration overlap) {
        List<RetiredSecret> kept = new ArrayList<>();
        kept.add(new RetiredSecret(replaced, now.plus(overlap)));
        current.stream()
                .filter(r -> r.activeAt(now))
                .sorted(Comparator.comparing(RetiredSecret::expiresAt).reversed())
                .forEach(kept::add);
        List<RetiredSecret> result = new ArrayList<>();
        for (RetiredSecret r : kept) {
            boolean duplicate = result.stream().anyMatch(k -> k.secret().value().equals(r.secret().value()));
            if (!duplicate && !r.secret().value().equals(next.value()) && result.size() < MAX_RETIRED) {
                result.add(r);
            }
        }
        return List.copyOf(result);
    }
}
