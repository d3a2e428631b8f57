package dev.activityhub.jdbc.commerce;

import dev.activityhub.jdbc.shared.DirectSql;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.TenantUserPort;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.jdbc.shared.JsonColumns;
import dev.activityhub.jdbc.shared.SqlErrors;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Commerces in SQL, plus the read-only look-up of the tenant's user ids. */
public final class CommercePersistenceAdapter implements CommercePort, TenantUserPort {
    private static final String COLUMNS = "workspace_id, id, external_id, name, tax_id, contacts, "
            + "representative_user_id, owner_user_id, created_at, updated_at";

    /** Plain JDBC (DirectSql): every POST /api/activities reads its commerce. */
    private static final DirectSql FIND = DirectSql.positional(
            "SELECT " + COLUMNS + " FROM commerces WHERE workspace_id = ? AND id = ?");

    private static final String TAX_ID_TAKEN = """
            SELECT COUNT(*) FROM (SELECT 1 FROM commerces
                                   WHERE workspace_id = :workspaceId AND tax_id = :taxId AND id <> :id LIMIT 1) t
            """;

    private final Jdbi jdbi;

    public CommercePersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(CommerceRow.class, MethodHandles.lookup()));
    }

    @Override
    public void insertCommerce(Commerce commerce) {
        write(commerce, "INSERT INTO commerces (" + COLUMNS + ") VALUES (:workspaceId, :id, :externalId, :name, "
                + ":taxId, :contacts, :representativeUserId, :ownerUserId, :createdAt, :updatedAt)");
    }

    @Override
    public void updateCommerce(Commerce commerce) {
        write(commerce, """
                UPDATE commerces SET name = :name, tax_id = :taxId, contacts = :contacts,
                       representative_user_id = :representativeUserId, owner_user_id = :ownerUserId,
                       updated_at = :updatedAt
                 WHERE workspace_id = :workspaceId AND id = :id
                """);
    }

    /**
     * A tax id another commerce of the workspace holds is looked up first (uq_commerces_tax_id's index
     * answers): which constraint a unique violation broke is not portable to read (only message text
     * would say, and H2's quotes the whole statement). Any violation left (the id, the external id, or a
     * tax id taken concurrently) is a conflict on the commerce.
     */
    private void write(Commerce commerce, String sql) {
        if (commerce.taxId() != null && jdbi.withHandle(h -> h.createQuery(TAX_ID_TAKEN)
                .bindMethods(commerce)
                .mapTo(Integer.class)
                .one()) > 0) {
            throw new ConflictException("TAX_ID_TAKEN", "A commerce with tax_id '" + commerce.taxId() + "' already exists");
        }
        try {
            jdbi.useHandle(h -> h.createUpdate(sql)
                    .bindMethods(commerce)
                    .bind("contacts", JsonColumns.write(commerce.contacts().stream().map(CommercePersistenceAdapter::contactMap).toList()))
                    .execute());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("COMMERCE_EXISTS", "A commerce with id '" + commerce.id()
                        + "' or external_id '" + commerce.externalId() + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Commerce> findCommerce(UUID workspaceId, UUID commerceId) {
        return jdbi.withHandle(h -> FIND.first(h, CommercePersistenceAdapter::commerceRow, workspaceId, commerceId))
                .map(CommerceRow::toDomain);
    }

    @Override
    public Map<String, Commerce> lockByExternalIds(UUID workspaceId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        WorkspaceIdList external = new WorkspaceIdList(externalIds);
        return jdbi.withHandle(h -> external.bind(h.createQuery(lockByExternalIdsSql(external)), workspaceId)
                .mapTo(CommerceRow.class)
                .map(CommerceRow::toDomain)
                .collect(Collectors.toMap(Commerce::externalId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }

    /** {@link #lockByExternalIds}'s statement for these external ids (bind with {@code ids.bind}), for the plan test. */
    static String lockByExternalIdsSql(WorkspaceIdList ids) {
        return "SELECT " + COLUMNS + " FROM commerces WHERE " + ids.condition("workspace_id", "external_id")
                + " FOR UPDATE";
    }

    @Override
    public Page<Commerce> listCommerces(UUID workspaceId, String search, PageQuery page) {
        String where = "workspace_id = :ws" + (search == null ? ""
                : " AND (LOWER(name) LIKE :search ESCAPE '!' OR LOWER(tax_id) LIKE :search ESCAPE '!'"
                + " OR LOWER(external_id) LIKE :search ESCAPE '!')");
        String pattern = search == null ? null : LikePatterns.contains(search);
        return jdbi.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM commerces WHERE " + where).bind("ws", workspaceId);
            var items = h.createQuery("SELECT " + COLUMNS + " FROM commerces WHERE " + where
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("ws", workspaceId)
                    .bind("limit", page.limit())
                    .bind("offset", page.offset());
            if (pattern != null) {
                count.bind("search", pattern);
                items.bind("search", pattern);
            }
            long total = count.mapTo(Long.class).one();
            return new Page<>(items.mapTo(CommerceRow.class).map(CommerceRow::toDomain).list(), page, total);
        });
    }

    @Override
    public Set<UUID> existingUserIds(UUID workspaceId, Set<UUID> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        WorkspaceIdList users = new WorkspaceIdList(candidates);
        return jdbi.withHandle(h -> users.bind(h.createQuery("SELECT id FROM users WHERE "
                        + users.condition("workspace_id", "id")), workspaceId)
                .mapTo(UUID.class)
                .collect(Collectors.toCollection(HashSet::new)));
    }

    private static Map<String, Object> contactMap(CommerceContact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("role", c.role());
        return m;
    }

    /** A row of {@link #COLUMNS}, read as Jdbi's mappers read it ({@link RecordRows}). */
    private static CommerceRow commerceRow(ResultSet row) throws SQLException {
        return new CommerceRow(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getObject(7, UUID.class),
                row.getObject(8, UUID.class), DirectSql.instant(row, 9), DirectSql.instant(row, 10));
    }

    private record CommerceRow(UUID workspaceId, UUID id, String externalId, String name, String taxId,
                               String contacts, UUID representativeUserId, UUID ownerUserId, Instant createdAt,
                               Instant updatedAt) {
        Commerce toDomain() {
            List<CommerceContact> list = JsonColumns.readList(contacts).stream().map(o -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                return new CommerceContact((String) m.get("name"), (String) m.get("email"), (String) m.get("phone"),
                        (String) m.get("role"));
            }).toList();
            return new Commerce(workspaceId, id, externalId, name, taxId, list, representativeUserId, ownerUserId,
                    createdAt, updatedAt);
        }
    }
}
