package dev.activityhub.bootstrap.commerce;

import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.service.ActivityConfigService;
import dev.activityhub.application.commerce.service.ActivityDispatcher;
import dev.activityhub.application.commerce.service.ActivityService;
import dev.activityhub.application.commerce.service.CommerceService;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.bootstrap.Infrastructure;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.jdbc.commerce.ActivityConfigPersistenceAdapter;
import dev.activityhub.jdbc.commerce.ActivityPersistenceAdapter;
import dev.activityhub.jdbc.commerce.CommercePersistenceAdapter;
import dev.activityhub.jdbc.identity.IdentityPersistenceAdapter;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.shared.JdbiTransactions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The real commerce services and adapters over one test database (H2 or PostgreSQL), plus a tenant
 * with a user and a commerce. Lives in bootstrap because it composes services with adapters.
 */
final class CommerceFixture {
    static final Instant NOW = Instant.parse("2025-01-16T10:00:00.000Z");

    final Database db;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CommercePersistenceAdapter commerceStore;
    final ActivityPersistenceAdapter activityStore;
    final IdentityPersistenceAdapter identity;
    final CommerceService commerces;
    final ActivityService activities;
    final ActivityConfigPersistenceAdapter configStore;
    final ActivityConfigService configs;

    CommerceFixture(Database db) {
        this.db = db;
        this.identity = new IdentityPersistenceAdapter(db.jdbi());
        this.commerceStore = new CommercePersistenceAdapter(db.jdbi());
        this.activityStore = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
        JdbiTransactions tx = new JdbiTransactions(db.jdbi());
        this.commerces = new CommerceService(commerceStore, commerceStore, tx, clock, UUID::randomUUID);
        this.configStore = new ActivityConfigPersistenceAdapter(db.jdbi());
        this.activities = new ActivityService(activityStore, commerceStore, activityStore, configStore,
                new JdbiOutbox(db.jdbi(), Infrastructure.webhookPayloads()), tx, clock, UUID::randomUUID);
        this.configs = new ActivityConfigService(configStore, activityStore, tx, clock);
    }

    ActivityDispatcher dispatcher() {
        return new ActivityDispatcher(activityStore, commerceStore, activityStore, new JdbiOutbox(db.jdbi(), Infrastructure.webhookPayloads()),
                new JdbiTransactions(db.jdbi()), clock, UUID::randomUUID);
    }

    /** A dispatcher whose outbox refuses the events of the {@code failing} activities: their dispatch throws. */
    ActivityDispatcher dispatcherFailingFor(Set<UUID> failing) {
        JdbiOutbox outbox = new JdbiOutbox(db.jdbi(), Infrastructure.webhookPayloads());
        OutboxPort refusing = new OutboxPort() {
            @Override
            public void append(DomainEvent event) {
                if (event instanceof ActivityEvent e && failing.contains(e.activity().id())) {
                    throw new IllegalStateException("refused " + e.activity().idempotencyKey());
                }
                outbox.append(event);
            }

            @Override
            public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
                outbox.cancelPending(workspaceId, dedupeKey, at);
            }
        };
        return new ActivityDispatcher(activityStore, commerceStore, activityStore, refusing,
                new JdbiTransactions(db.jdbi()), clock, UUID::randomUUID);
    }

    /** A workspace with one FDE user; the principal holds every permission. */
    Tenant tenant(String name) {
        Workspace ws = new Workspace(UUID.randomUUID(), name, NOW);
        identity.saveWorkspace(ws);
        User user = new User(ws.id(), UUID.randomUUID(), name.toLowerCase().replace(' ', '-') + "@example.com",
                "Rep", Role.FDE, NOW);
        identity.saveUser(user);
        Set<String> all = Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet());
        Principal principal = new Principal(ws.id(), UUID.randomUUID(), null, ApiKeyKind.TENANT, all);
        Commerce commerce = Commerce.create(ws.id(), UUID.randomUUID(), "ext-" + name,
                new Commerce.Details("Shop " + name, "TAX-" + name, List.of(new CommerceContact("Ana", null, "+5491100", null)),
                        user.id(), null), NOW);
        commerceStore.insertCommerce(commerce);
        return new Tenant(principal, user.id(), commerce);
    }

    record Tenant(Principal principal, UUID userId, Commerce commerce) {
        UUID workspaceId() {
            return principal.workspaceId();
        }
    }

    static CreateCommerceActivityCommand command(UUID commerceId, String key, String scheduledAt) {
        return new CreateCommerceActivityCommand(new CommerceActivity.ActivityDraft(ActivityType.MESSAGE,
                "Monthly promotion", ActivityChannel.WHATSAPP, commerceId, key, Instant.parse(scheduledAt), null, null,
                null, null, null, List.of("commerce_info"), null));
    }

    long count(String sql, Object... binds) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                q.bind(i, binds[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }
}
