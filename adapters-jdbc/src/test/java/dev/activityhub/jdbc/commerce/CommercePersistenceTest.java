package dev.activityhub.jdbc.commerce;

import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.PageRequest;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommercePersistenceTest {
    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesCommercesWithUniqueTaxIdPerTenant(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            var b = f.tenant("B");
            Commerce loaded = f.commerceStore.findCommerce(a.workspaceId(), a.commerce().id()).orElseThrow();
            assertEquals(a.commerce(), loaded);
            assertTrue(f.commerceStore.findCommerce(b.workspaceId(), a.commerce().id()).isEmpty(), "other tenant sees nothing");

            Commerce clash = Commerce.create(a.workspaceId(), UUID.randomUUID(), "ext-2",
                    new Commerce.Details("Other", "TAX-A", List.of(), null, null), CommerceFixture.NOW);
            assertThrows(ConflictException.class, () -> f.commerceStore.insertCommerce(clash));
            // the same tax id in another tenant is fine
            f.commerceStore.insertCommerce(Commerce.create(b.workspaceId(), UUID.randomUUID(), "ext-2",
                    new Commerce.Details("Other", "TAX-A", List.of(), null, null), CommerceFixture.NOW));

            assertEquals(1, f.commerceStore.listCommerces(a.workspaceId(), "shop", new PageRequest(1, 10)).total());
            assertEquals(0, f.commerceStore.listCommerces(a.workspaceId(), "100%", new PageRequest(1, 10)).total());
            assertEquals(Set.of(a.userId()), f.commerceStore.existingUserIds(a.workspaceId(), Set.of(a.userId(), b.userId())));
            assertEquals(1, f.commerceStore.lockByExternalIds(a.workspaceId(), List.of("ext-A", "nope")).size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void roundTripsActivitiesAndFiltersThem(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            CommerceActivity created = f.activities.createActivity(a.principal(),
                    CommerceFixture.command(a.commerce().id(), "k-1", "2025-01-16T09:00:00.000Z"));
            assertEquals(ActivityStatus.READY, created.status());
            assertEquals(created, f.activityStore.findActivity(a.workspaceId(), created.id()).orElseThrow());
            assertEquals(1, f.activityStore.listTargetUsers(a.workspaceId(), created.id()).size());

            var filtered = f.activityStore.listActivities(a.workspaceId(),
                    new ActivityFilter(ActivityStatus.READY, null, ActivityChannel.WHATSAPP, a.commerce().id(),
                            null, null, "monthly"), new PageRequest(1, 10));
            assertEquals(1, filtered.total());
            assertEquals(0, f.activityStore.listActivities(a.workspaceId(),
                    new ActivityFilter(null, null, ActivityChannel.SMS, null, null, null, null), new PageRequest(1, 10)).total());
            assertEquals(0, f.activityStore.listActivities(a.workspaceId(),
                    new ActivityFilter(null, null, null, null, CommerceFixture.NOW, null, null), new PageRequest(1, 10)).total());
            assertThrows(ConflictException.class, () -> f.activities.createActivity(a.principal(),
                    CommerceFixture.command(a.commerce().id(), "k-1", "2025-01-16T09:00:00.000Z")));
        }
    }
}
