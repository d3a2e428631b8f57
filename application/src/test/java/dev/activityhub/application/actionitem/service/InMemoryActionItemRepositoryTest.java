package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.out.ActionItemRepositoryContract;
import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort;
import dev.activityhub.application.actionitem.port.out.SaveActionItemPort;
import dev.activityhub.application.testing.RollbackTransactions;
import dev.activityhub.domain.actionitem.ActionItem;

import java.util.UUID;

/** The fake the action item service tests use keeps the ports' contract (its writes need a transaction). */
class InMemoryActionItemRepositoryTest extends ActionItemRepositoryContract {
    private final RollbackTransactions tx = new RollbackTransactions();
    private final InMemoryActionItems store = new InMemoryActionItems(tx);

    @Override
    protected LoadActionItemsPort loads() {
        return store;
    }

    @Override
    protected SaveActionItemPort saves() {
        return new SaveActionItemPort() {
            @Override
            public void insertActionItem(ActionItem item) {
                tx.inTransaction(() -> {
                    store.insertActionItem(item);
                    return null;
                });
            }

            @Override
            public void updateActionItem(ActionItem item) {
                tx.inTransaction(() -> {
                    store.updateActionItem(item);
                    return null;
                });
            }

            @Override
            public boolean deleteActionItem(UUID workspaceId, UUID userId, UUID id) {
                return tx.inTransaction(() -> store.deleteActionItem(workspaceId, userId, id));
            }
        };
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }

    @Override
    protected UUID newUser(UUID workspaceId) {
        return UUID.randomUUID();
    }
}
