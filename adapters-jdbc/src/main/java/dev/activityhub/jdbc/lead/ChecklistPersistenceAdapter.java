package dev.activityhub.jdbc.lead;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.domain.lead.ChecklistGroup;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.FieldType;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.jdbc.shared.JsonColumns;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Checklist templates and leads' checklist items in SQL. Row records stay private to this class. */
public final class ChecklistPersistenceAdapter implements ChecklistTemplatePort, LeadChecklistPort {

    private static final String ITEM_COLUMNS = """
            workspace_id, id, lead_id, checklist_item_id, group_id, group_name, group_conditions, position, code,
            label, field_type, is_required, conditions, validation_rules, item_value, status, item_override,
            lead_specific, updated_at""";
    private static final String ITEM_COLUMNS_OF_I = ITEM_COLUMNS.replaceAll("(\\w+)", "i.$1");

    private final Jdbi jdbi;

    public ChecklistPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(GroupRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(TemplateItemRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(LeadItemRow.class, MethodHandles.lookup()));
    }

    // --- template

    @Override
    public ChecklistTemplate loadTemplate(UUID workspaceId) {
        return jdbi.withHandle(h -> {
            List<GroupRow> groups = h.createQuery("""
                            SELECT id, name, conditions FROM checklist_groups
                             WHERE workspace_id = :ws ORDER BY position""")
                    .bind("ws", workspaceId).mapTo(GroupRow.class).list();
            Map<UUID, List<ChecklistItemDefinition>> items = new LinkedHashMap<>();
            groups.forEach(g -> items.put(g.id(), new ArrayList<>()));
            h.createQuery("""
                            SELECT id, group_id, code, label, field_type, is_required, conditions, validation_rules
                              FROM checklist_template_items WHERE workspace_id = :ws ORDER BY position""")
                    .bind("ws", workspaceId).mapTo(TemplateItemRow.class)
                    .forEach(row -> items.get(row.groupId()).add(row.toDomain()));
            return new ChecklistTemplate(groups.stream().map(g -> new ChecklistGroup(g.id(), g.name(),
                    JsonColumns.readMap(g.conditions()), items.get(g.id()))).toList());
        });
    }

    @Override
    public void replaceTemplate(UUID workspaceId, ChecklistTemplate template, Instant at) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM checklist_template_items WHERE workspace_id = :ws").bind("ws", workspaceId)
                    .execute();
            h.createUpdate("DELETE FROM checklist_groups WHERE workspace_id = :ws").bind("ws", workspaceId).execute();
            int itemPosition = 0;
            for (int g = 0; g < template.groups().size(); g++) {
                ChecklistGroup group = template.groups().get(g);
                h.createUpdate("""
                                INSERT INTO checklist_groups (workspace_id, id, name, conditions, position, updated_at)
                                VALUES (:ws, :id, :name, :conditions, :position, :at)""")
                        .bind("ws", workspaceId).bind("id", group.id()).bind("name", group.name())
                        .bind("conditions", JsonColumns.write(group.conditions())).bind("position", g).bind("at", at)
                        .execute();
                for (ChecklistItemDefinition item : group.items()) {
                    h.createUpdate("""
                                    INSERT INTO checklist_template_items (workspace_id, id, group_id, code, label,
                                        field_type, is_required, conditions, validation_rules, position)
                                    VALUES (:ws, :id, :groupId, :code, :label, :fieldType, :required, :conditions,
                                        :rules, :position)""")
                            .bind("ws", workspaceId).bind("id", item.id()).bind("groupId", group.id())
                            .bind("code", item.code()).bind("label", item.label())
                            .bind("fieldType", item.fieldType().name()).bind("required", item.isRequired())
                            .bind("conditions", JsonColumns.write(item.conditions()))
                            .bind("rules", JsonColumns.write(item.validationRules()))
                            .bind("position", itemPosition++)
                            .execute();
                }
            }
        });
    }

    // --- leads' items

    @Override
    public LeadChecklist loadChecklist(UUID workspaceId, UUID leadId) {
        return new LeadChecklist(jdbi.withHandle(h -> h.createQuery("SELECT " + ITEM_COLUMNS + """
                         FROM lead_checklist_items WHERE workspace_id = :ws AND lead_id = :leadId
                        ORDER BY workspace_id, lead_id, position, id""")
                .bind("ws", workspaceId).bind("leadId", leadId)
                .mapTo(LeadItemRow.class).map(LeadItemRow::toDomain).list()));
    }

    @Override
    public Map<UUID, LeadChecklist> loadChecklists(UUID workspaceId, Collection<UUID> leadIds) {
        Map<UUID, List<LeadChecklistItem>> byLead = new LinkedHashMap<>();
        leadIds.forEach(id -> byLead.put(id, new ArrayList<>()));
        if (!leadIds.isEmpty()) {
            // From the leads' primary key (H2 uses a compound IN list only on an index it covers whole)
            // to each lead's items.
            WorkspaceIdList leads = new WorkspaceIdList(List.copyOf(leadIds));
            jdbi.useHandle(h -> leads.bind(h.createQuery("SELECT " + ITEM_COLUMNS_OF_I + """
                             FROM leads l
                             JOIN lead_checklist_items i ON i.workspace_id = l.workspace_id AND i.lead_id = l.id
                            WHERE """ + leads.condition("l.workspace_id", "l.id")
                            + " ORDER BY i.workspace_id, i.lead_id, i.position, i.id"), workspaceId)
                    .mapTo(LeadItemRow.class).map(LeadItemRow::toDomain)
                    .forEach(item -> byLead.get(item.leadId()).add(item)));
        }
        Map<UUID, LeadChecklist> checklists = new LinkedHashMap<>();
        byLead.forEach((id, items) -> checklists.put(id, new LeadChecklist(items)));
        return checklists;
    }

    @Override
    public void insertChecklistItems(List<LeadChecklistItem> items) {
        if (items.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO lead_checklist_items (" + ITEM_COLUMNS + """
                    ) VALUES (:workspaceId, :id, :leadId, :checklistItemId, :groupId, :groupName, :groupConditions,
                              :position, :code, :label, :fieldType, :isRequired, :conditions, :validationRules,
                              :value, :status, :itemOverride, :leadSpecific, :updatedAt)""");
            for (LeadChecklistItem item : items) {
                ChecklistItemDefinition d = item.definition();
                batch.bind("workspaceId", item.workspaceId()).bind("id", item.id()).bind("leadId", item.leadId())
                        .bind("checklistItemId", d.id()).bind("groupId", item.groupId())
                        .bind("groupName", item.groupName())
                        .bind("groupConditions", JsonColumns.write(item.groupConditions()))
                        .bind("position", item.position()).bind("code", d.code()).bind("label", d.label())
                        .bind("fieldType", d.fieldType().name()).bind("isRequired", d.isRequired())
                        .bind("conditions", JsonColumns.write(d.conditions()))
                        .bind("validationRules", JsonColumns.write(d.validationRules()))
                        .bind("value", item.value()).bind("status", item.status().name())
                        .bind("itemOverride", JsonColumns.write(item.itemOverride()))
                        .bind("leadSpecific", item.leadSpecific()).bind("updatedAt", item.updatedAt())
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public void updateChecklistItems(List<LeadChecklistItem> items) {
        jdbi.useHandle(h -> {
            for (LeadChecklistItem item : items) {
                int rows = h.createUpdate("""
                                UPDATE lead_checklist_items SET item_value = :value, status = :status,
                                       updated_at = :updatedAt
                                 WHERE workspace_id = :ws AND id = :id""")
                        .bind("value", item.value()).bind("status", item.status().name())
                        .bind("updatedAt", item.updatedAt()).bind("ws", item.workspaceId()).bind("id", item.id())
                        .execute();
                if (rows != 1) {
                    throw new IllegalStateException("checklist item " + item.id() + " vanished during its update");
                }
            }
        });
    }

    private record GroupRow(UUID id, String name, String conditions) {
    }

    private record TemplateItemRow(UUID id, UUID groupId, String code, String label, String fieldType,
                                   boolean isRequired, String conditions, String validationRules) {
        ChecklistItemDefinition toDomain() {
            return new ChecklistItemDefinition(id, code, label, FieldType.valueOf(fieldType), isRequired,
                    JsonColumns.readMap(conditions), JsonColumns.readMap(validationRules));
        }
    }

    private record LeadItemRow(UUID workspaceId, UUID id, UUID leadId, UUID checklistItemId, UUID groupId,
                               String groupName, String groupConditions, int position, String code, String label,
                               String fieldType, boolean isRequired, String conditions, String validationRules,
                               String itemValue, String status, String itemOverride, boolean leadSpecific,
                               Instant updatedAt) {
        LeadChecklistItem toDomain() {
            ChecklistItemDefinition definition = new ChecklistItemDefinition(checklistItemId, code, label,
                    FieldType.valueOf(fieldType), isRequired, JsonColumns.readMap(conditions),
                    JsonColumns.readMap(validationRules));
            return new LeadChecklistItem(workspaceId, id, leadId, groupId, groupName,
                    JsonColumns.readMap(groupConditions), position, definition, itemValue,
                    ChecklistItemStatus.valueOf(status), JsonColumns.readMap(itemOverride), leadSpecific, updatedAt);
        }
    }
}
