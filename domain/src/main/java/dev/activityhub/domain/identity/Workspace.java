package dev.activityhub.domain.identity;

import dev.activityhub.domain.shared.Text;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A customer organisation, the unit of isolation (called a tenant by the commerce API). */
public record Workspace(UUID id, String name, Instant createdAt) {
    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Text.required("name", name, 200);
    }
}
