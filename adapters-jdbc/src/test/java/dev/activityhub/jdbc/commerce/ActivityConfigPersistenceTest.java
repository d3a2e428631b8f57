package dev.activityhub.jdbc.commerce;

import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.PendingResolution;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.jdbc.commerce.CommercePersistenceTest.Tenant;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JdbiTransactions;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.activityhub.jdbc.commerce.CommercePersistenceTest.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant's activity configuration, pending resolutions and keys in use, on H2 and PostgreSQL. */
class ActivityConfigPersistenceTest {
    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    static final ActivityConfig CUSTOM = new ActivityConfig(ResolutionTiming.ON_DISPATCH, List.of(
            new AttributeKeyDefinition("promo", "Promotion", AttributePolicy.CALLER_PROVIDED, "the CRM"),
            new AttributeKeyDefinition("shop", "Shop name", AttributePolicy.ON_DISPATCH, "commerce_name"),
            new AttributeKeyDefinition("commerce_info", "Info", AttributePolicy.UPFRONT, "commerce_info")));

    @ParameterizedTest
    @MethodSource("databases")
    void storesReplacesAndLocksOneConfigurationPerTenant(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var configs = new ActivityConfigPersistenceAdapter(db.jdbi());
            var tx = new JdbiTransactions(db.jdbi());
            Tenant a = CommercePersistenceTest.tenant(db, commerces, "A");
            Tenant b = CommercePersistenceTest.tenant(db, commerces, "B");
            assertEquals(Optional.empty(), configs.findConfig(a.ws()));

            assertEquals(Optional.empty(), tx.inTransaction(() -> {
                Optional<ActivityConfig> locked = configs.lockConfig(a.ws(), NOW);
                configs.saveConfig(a.ws(), CUSTOM, NOW);
                return locked;
            }), "nothing was stored before");
            assertEquals(CUSTOM, configs.findConfig(a.ws()).orElseThrow(), "keys keep their order");
            assertEquals(Optional.empty(), configs.findConfig(b.ws()), "per tenant");

            ActivityConfig manual = new ActivityConfig(ResolutionTiming.MANUAL, List.of(CUSTOM.attributeKeys().get(1)));
            assertEquals(CUSTOM, tx.inTransaction(() -> {
                ActivityConfig locked = configs.lockConfig(a.ws(), NOW).orElseThrow();
                configs.saveConfig(a.ws(), manual, NOW);
                return locked;
            }));
            assertEquals(manual, configs.findConfig(a.ws()).orElseThrow());

            // a rolled-back update leaves neither its lock row nor its keys behind
            assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
                configs.lockConfig(b.ws(), NOW);
                configs.saveConfig(b.ws(), CUSTOM, NOW);
                throw new IllegalStateException("conflict");
            }));
            assertEquals(Optional.empty(), configs.findConfig(b.ws()));
            configs.saveConfig(b.ws(), new ActivityConfig(ResolutionTiming.ON_CREATION, List.of()), NOW);
            assertEquals(List.of(), configs.findConfig(b.ws()).orElseThrow().attributeKeys());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pendingResolutionRoundTripsAndKeysInUseCountOnlyActivitiesNotYetFinal(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = CommercePersistenceTest.tenant(db, commerces, "A");
            Tenant b = CommercePersistenceTest.tenant(db, commerces, "B");
            var pending = new PendingResolution(true, List.of(new PendingResolution.Attribute("shop_x", "commerce_name")));
            var draft = new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Promo", ActivityChannel.SMS,
                    a.commerce().id(), "k-pending", NOW, null, null, null, null, List.of(), List.of("shop_x", "promo"),
                    List.of());
            CommerceActivity waiting = CommerceActivity.create(a.ws(), UUID.randomUUID(), draft, Map.of("promo", "2x1"),
                    null, pending, NOW);
            store.insertActivity(waiting);
            assertEquals(waiting, store.findActivity(a.ws(), waiting.id()).orElseThrow());
            assertEquals(pending, store.findActivity(a.ws(), waiting.id()).orElseThrow().pending());

            CommerceActivity dispatched = waiting.resolveTargetAtDispatch(a.user(), NOW)
                    .dispatch(Map.of("shop_x", "Shop A"), NOW);
            store.updateActivity(dispatched);
            CommerceActivity read = store.findActivity(a.ws(), waiting.id()).orElseThrow();
            assertEquals(dispatched, read);
            assertEquals("Shop A", read.attributes().get("shop_x"), "attributes read at dispatch are stored");
            assertTrue(read.pending().isNone());

            // "shop" is a prefix of "shop_x" and "_" a LIKE wildcard: neither may count as a use
            assertEquals(Set.of("shop_x", "promo"), store.attributeKeysInUse(a.ws(), List.of("shop_x", "promo", "shop", "shopXx")));
            assertEquals(Set.of(), store.attributeKeysInUse(b.ws(), List.of("shop_x", "promo")), "another tenant's use");
            CommerceActivity canceled = CommercePersistenceTest.activity(a, "k-canceled", NOW).cancel(NOW);
            store.insertActivity(canceled);
            assertEquals(Set.of(), store.attributeKeysInUse(a.ws(), List.of("commerce_info")), "canceled is final");
            store.insertActivity(CommercePersistenceTest.activity(a, "k-ready", NOW));
            assertEquals(Set.of("commerce_info"), store.attributeKeysInUse(a.ws(), List.of("commerce_info")));
        }
    }
}
