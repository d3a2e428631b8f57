package dev.activityhub.application.commerce.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link CommercePort} and {@link TenantUserPort} promise, for the in-memory fake and the SQL adapter alike.
 * Every test uses workspaces of its own.
 */
public abstract class CommerceRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-01-16T10:00:00.123Z");

    protected abstract CommercePort commerces();

    protected abstract TenantUserPort tenantUsers();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A user of the workspace that exists. */
    protected abstract UUID newUser(UUID workspaceId);

    private static Commerce commerce(UUID ws, UUID id, String externalId, String name, String taxId, UUID rep,
                                     Instant at) {
        return Commerce.create(ws, id, externalId, new Commerce.Details(name, taxId,
                List.of(new CommerceContact("Ana", null, "+5491100000000", null)), rep, null), at);
    }

    private Commerce inserted(UUID ws, String externalId, String name, String taxId, Instant at) {
        return inserted(ws, UUID.randomUUID(), externalId, name, taxId, at);
    }

    private Commerce inserted(UUID ws, UUID id, String externalId, String name, String taxId, Instant at) {
        Commerce c = commerce(ws, id, externalId, name, taxId, newUser(ws), at);
        commerces().insertCommerce(c);
        return c;
    }

    private static List<String> externalIds(Page<Commerce> page) {
        return page.items().stream().map(Commerce::externalId).toList();
    }

    @Test
    void aCommerceIsReadBackAsStoredInItsWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        Commerce shop = inserted(ws, "C-1", "Kiosco", "20-1", T0);

        assertEquals(shop, commerces().findCommerce(ws, shop.id()).orElseThrow());
        assertTrue(commerces().findCommerce(other, shop.id()).isEmpty());
        assertTrue(commerces().findCommerce(ws, UUID.randomUUID()).isEmpty());
        assertEquals(0, commerces().listCommerces(other, null, new PageQuery(1, 20)).total());
        assertEquals(Map.of(), commerces().lockByExternalIds(other, List.of("C-1")));
    }

    @Test
    void anUpdateReplacesTheDetails() {
        UUID ws = newWorkspace();
        Commerce shop = inserted(ws, "C-1", "Kiosco", "20-1", T0);
        Commerce changed = shop.with(new Commerce.Details("Kiosco Don Pepe", "20-2", List.of(), newUser(ws), null),
                T0.plusSeconds(1));

        commerces().updateCommerce(changed);

        assertEquals(changed, commerces().findCommerce(ws, shop.id()).orElseThrow());
    }

    @Test
    void aTaxIdIsTakenOncePerWorkspace() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        inserted(ws, "C-1", "One", "20-1", T0);
        Commerce two = inserted(ws, "C-2", "Two", "20-2", T0);
        inserted(ws, "C-3", "No tax id", null, T0);
        inserted(ws, "C-4", "No tax id either", null, T0);

        assertThrows(ConflictException.class, () -> commerces().insertCommerce(
                commerce(ws, UUID.randomUUID(), "C-5", "Copy", "20-1", newUser(ws), T0)));
        assertThrows(ConflictException.class, () -> commerces().updateCommerce(two.with(
                new Commerce.Details("Two", "20-1", List.of(), two.representativeUserId(), null), T0.plusSeconds(1))));
        assertEquals("20-2", commerces().findCommerce(ws, two.id()).orElseThrow().taxId());
        inserted(other, "C-1", "Elsewhere", "20-1", T0);
        assertEquals(4, commerces().listCommerces(ws, null, new PageQuery(1, 20)).total());
    }

    @Test
    void anExternalIdIsTakenOncePerWorkspace() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        Commerce first = inserted(ws, "C-1", "One", null, T0);

        assertThrows(ConflictException.class, () -> commerces().insertCommerce(
                commerce(ws, UUID.randomUUID(), "C-1", "Again", null, newUser(ws), T0)));
        assertEquals(Map.of("C-1", first), commerces().lockByExternalIds(ws, List.of("C-1")));
        inserted(other, "C-1", "Elsewhere", null, T0);
    }

    @Test
    void commercesAreListedNewestFirstWithTheHigherIdFirstOnATieAndPaged() {
        UUID ws = newWorkspace();
        inserted(ws, "oldest", "A", null, T0);
        inserted(ws, TieIds.low(), "tie-low", "B", null, T0.plusSeconds(1));
        inserted(ws, TieIds.high(), "tie-high", "C", null, T0.plusSeconds(1));
        inserted(ws, "newest", "D", null, T0.plusSeconds(2));

        Page<Commerce> first = commerces().listCommerces(ws, null, new PageQuery(1, 3));
        assertEquals(List.of("newest", "tie-high", "tie-low"), externalIds(first));
        assertEquals(4, first.total());
        Page<Commerce> second = commerces().listCommerces(ws, null, new PageQuery(2, 3));
        assertEquals(List.of("oldest"), externalIds(second));
        assertEquals(4, second.total());
        assertTrue(commerces().listCommerces(ws, null, new PageQuery(3, 3)).items().isEmpty());
    }

    @Test
    void theSearchMatchesNameTaxIdOrExternalIdCaseInsensitivelyWithLiteralWildcards() {
        UUID ws = newWorkspace();
        inserted(ws, "EXT-9", "Kiosco Don Pepe", "20-1", T0);
        inserted(ws, "ext-7", "Almacén 50%_off", "30-7", T0.plusSeconds(1));

        assertEquals(List.of("EXT-9"), externalIds(commerces().listCommerces(ws, "don PEPE", new PageQuery(1, 20))));
        assertEquals(List.of("ext-7"), externalIds(commerces().listCommerces(ws, "30-", new PageQuery(1, 20))));
        assertEquals(List.of("ext-7", "EXT-9"),
                externalIds(commerces().listCommerces(ws, "Ext-", new PageQuery(1, 20))));
        assertEquals(List.of("ext-7"), externalIds(commerces().listCommerces(ws, "50%_", new PageQuery(1, 20))));
        Page<Commerce> none = commerces().listCommerces(ws, "5_%", new PageQuery(1, 20));
        assertTrue(none.items().isEmpty());
        assertEquals(0, none.total());
        assertEquals(1, commerces().listCommerces(ws, "kiosco", new PageQuery(1, 20)).total());
    }

    @Test
    void lockingByExternalIdsReturnsTheWorkspacesCommercesKeyedByExternalId() {
        UUID ws = newWorkspace();
        Commerce one = inserted(ws, "C-1", "One", null, T0);
        Commerce two = inserted(ws, "C-2", "Two", null, T0);

        assertEquals(Map.of("C-1", one, "C-2", two), commerces().lockByExternalIds(ws, List.of("C-2", "C-1", "C-9")));
        assertEquals(Map.of(), commerces().lockByExternalIds(ws, List.of()));
    }

    @Test
    void onlyTheWorkspacesOwnUsersExist() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID ann = newUser(ws);
        UUID bob = newUser(other);
        UUID nobody = UUID.randomUUID();

        assertEquals(Set.of(ann), tenantUsers().existingUserIds(ws, Set.of(ann, bob, nobody)));
        assertEquals(Set.of(bob), tenantUsers().existingUserIds(other, Set.of(ann, bob)));
        assertEquals(Set.of(), tenantUsers().existingUserIds(ws, Set.of()));
    }
}
