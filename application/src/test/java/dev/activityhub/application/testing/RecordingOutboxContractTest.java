package dev.activityhub.application.testing;

import dev.activityhub.application.shared.port.out.OutboxContract;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.domain.shared.DomainEvent;

import java.util.List;
import java.util.UUID;

/** The recording outbox of the service tests keeps the outbox contract. */
class RecordingOutboxContractTest extends OutboxContract {
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();

    @Override
    protected OutboxPort outbox() {
        return outbox;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }

    @Override
    protected List<UUID> pending(UUID workspaceId) {
        return outbox.events.stream().filter(e -> e.workspaceId().equals(workspaceId)).map(DomainEvent::id).toList();
    }
}
