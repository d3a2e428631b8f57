package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase;
import dev.activityhub.application.commerce.port.in.ViewCommercesUseCase;
import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.TenantUserPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommercePermissions;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Commerces: batch sync from the tenant's system, reads and partial updates. */
public final class CommerceService implements SyncCommercesUseCase, ViewCommercesUseCase, UpdateCommerceUseCase {
    private final CommercePort commerces;
    private final TenantUserPort users;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public CommerceService(CommercePort commerces, TenantUserPort users, TransactionPort tx, Clock clock,
                           IdGenerator ids) {
        this.commerces = commerces;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public SyncResult sync(Principal principal, SyncCommercesCommand command) {
        CommercePermissions.require(principal, Permission.SYNC_COMMERCES);
        UUID ws = principal.workspaceId();
        return tx.inTransaction(() -> {
            requireUsersExist(ws, command.commerces().stream().map(CommerceSync::details).toList(), "commerces.");
            Instant now = clock.instant();
            Map<String, Commerce> existing = commerces.lockByExternalIds(ws,
                    command.commerces().stream().map(CommerceSync::externalId).toList());
            List<Commerce> result = new ArrayList<>();
            int created = 0;
            for (CommerceSync sync : command.commerces()) {
                Commerce current = existing.get(sync.externalId());
                if (current == null) {
                    Commerce commerce = Commerce.create(ws, sync.id() != null ? sync.id() : ids.newId(), sync.externalId(), sync.details(), now);
                    commerces.insertCommerce(commerce);
                    result.add(commerce);
                    created++;
                } else {
                    Commerce updated = current.with(sync.details(), now);
                    commerces.updateCommerce(updated);
                    result.add(updated);
                }
            }
            return new SyncResult(result, created, result.size() - created);
        });
    }

    @Override
    public Commerce getCommerce(Principal principal, UUID commerceId) {
        CommercePermissions.require(principal, Permission.VIEW_ACTIVITIES);
        return commerces.findCommerce(principal.workspaceId(), commerceId).orElseThrow(CommerceService::notFound);
    }

    @Override
    public Page<Commerce> listCommerces(Principal principal, ListCommercesQuery query) {
        CommercePermissions.require(principal, Permission.VIEW_ACTIVITIES);
        return commerces.listCommerces(principal.workspaceId(), query.search(), query.page());
    }

    @Override
    public Commerce updateCommerce(Principal principal, UpdateCommerceCommand command) {
        CommercePermissions.require(principal, Permission.MANAGE_COMMERCES);
        UUID ws = principal.workspaceId();
        return tx.inTransaction(() -> {
            Commerce current = commerces.findCommerce(ws, command.commerceId()).orElseThrow(CommerceService::notFound);
            Commerce.Details details = command.applyTo(current.details());
            requireUsersExist(ws, List.of(details), null);
            Commerce updated = current.with(details, clock.instant());
            commerces.updateCommerce(updated);
            return updated;
        });
    }

    static NotFoundException notFound() {
        return new NotFoundException("COMMERCE_NOT_FOUND", "Commerce not found");
    }

    /**
     * Representatives and owners must be users of the same tenant; names every bad reference
     * ({@code representativeUserId}, {@code ownerUserId}, under {@code listPrefix + index} for a batch).
     */
    private void requireUsersExist(UUID ws, List<Commerce.Details> all, String listPrefix) {
        Set<UUID> referenced = new HashSet<>();
        for (Commerce.Details d : all) {
            if (d.representativeUserId() != null) {
                referenced.add(d.representativeUserId());
            }
            if (d.ownerUserId() != null) {
                referenced.add(d.ownerUserId());
            }
        }
        if (referenced.isEmpty()) {
            return;
        }
        Set<UUID> known = users.existingUserIds(ws, referenced);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String prefix = listPrefix == null ? "" : listPrefix + i + ".";
            Commerce.Details d = all.get(i);
            if (d.representativeUserId() != null && !known.contains(d.representativeUserId())) {
                errors.add(unknownUser(prefix + "representativeUserId", d.representativeUserId()));
            }
            if (d.ownerUserId() != null && !known.contains(d.ownerUserId())) {
                errors.add(unknownUser(prefix + "ownerUserId", d.ownerUserId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static FieldError unknownUser(String field, UUID id) {
        return FieldError.of(field, Rule.UNKNOWN_USER, id.toString());
    }
}
