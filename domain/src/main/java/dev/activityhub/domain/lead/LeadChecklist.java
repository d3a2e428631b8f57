package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The checklist of one lead: its items in display order, the rules for setting values and statuses,
 * and which items apply (conditions). Immutable; every change returns a new checklist.
 */
public record LeadChecklist(List<LeadChecklistItem> items) {

    public LeadChecklist {
        items = List.copyOf(items);
    }

    public static LeadChecklist empty() {
        return new LeadChecklist(List.of());
    }

    /** A new lead's checklist: one TODO item per template item, in template order. */
    public static LeadChecklist fromTemplate(UUID workspaceId, UUID leadId, ChecklistTemplate template,
                                             Supplier<UUID> ids, Instant now) {
        List<LeadChecklistItem> items = new ArrayList<>();
        int position = 0;
        for (ChecklistGroup group : template.groups()) {
            for (ChecklistItemDefinition definition : group.items()) {
                items.add(new LeadChecklistItem(workspaceId, ids.get(), leadId, group.id(), group.name(),
                        group.conditions(), position++, definition, null, ChecklistItemStatus.TODO, null, false, now));
            }
        }
        return new LeadChecklist(items);
    }

    /**
     * Applies {@code checklistItems: [{code, value, status}]}: a valid value completes its item, a
     * null or blank value returns it to TODO, an explicit status wins. Every failure is reported
     * together and nothing changes unless all entries are valid. PHONE answers are read with {@code phones}.
     */
    public LeadChecklist apply(List<ChecklistValue> values, Instant now, PhoneNumbers phones) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, LeadChecklistItem> byCode = new HashMap<>();
        items.forEach(item -> byCode.put(item.code(), item));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            ChecklistValue entry = values.get(i);
            String prefix = "checklistItems." + i + ".";
            LeadChecklistItem item = entry.code() == null ? null : byCode.get(entry.code());
            if (item == null) {
                errors.add(FieldError.of(prefix + "code", Rule.UNKNOWN_CODE, entry.code()));
                continue;
            }
            if (!seen.add(entry.code())) {
                errors.add(FieldError.of(prefix + "code", Rule.GIVEN_TWICE, entry.code()));
                continue;
            }
            try {
                byCode.put(item.code(), applyOne(prefix, item, entry, now, phones));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new LeadChecklist(items.stream().map(item -> byCode.get(item.code())).toList());
    }

    private static LeadChecklistItem applyOne(String prefix, LeadChecklistItem item, ChecklistValue entry,
                                              Instant now, PhoneNumbers phones) {
        String value = item.value();
        ChecklistItemStatus status = item.status();
        FieldType type = item.definition().fieldType();
        if (entry.valueSent()) {
            String raw = Text.trimToNull(entry.value());
            if (raw == null) {
                value = null;
                status = ChecklistItemStatus.TODO;
            } else if (type.isFileLike()) {
                throw type.fromUpload(prefix + "value", item.code(), raw);
            } else {
                value = item.definition().normalise(prefix + "value", raw, phones);
                status = ChecklistItemStatus.COMPLETED;
            }
        }
        if (entry.status() != null) {
            status = settableStatus(prefix + "status", item.code(), entry.status());
            if (status == ChecklistItemStatus.COMPLETED && value == null) {
                throw new ValidationException(List.of(FieldError.about(prefix + "status", Rule.NO_VALUE, item.code(),
                        entry.status())));
            }
        }
        return item.with(value, status, now);
    }

    /** INVALID is the system's: invalid values are refused, so no item is ever stored INVALID by a client. */
    private static ChecklistItemStatus settableStatus(String field, String code, String raw) {
        for (ChecklistItemStatus s : ChecklistItemStatus.values()) {
            if (s.name().equals(raw) && s != ChecklistItemStatus.INVALID) {
                return s;
            }
        }
        throw new ValidationException(List.of(FieldError.listing(field, Rule.NOT_A_STATUS,
                List.of("TODO", "COMPLETED", "SKIPPED", "NEEDS_REVIEW"), code, raw)));
    }

    /** The checklist after a document was uploaded to one of its (file-like) items: value set, COMPLETED. */
    public LeadChecklist withUpload(UUID itemId, String value, Instant now) {
        return new LeadChecklist(items.stream()
                .map(item -> item.id().equals(itemId) ? item.with(value, ChecklistItemStatus.COMPLETED, now) : item)
                .toList());
    }

    /** The checklist with a lead-specific item added; its code must be new within the lead. */
    public LeadChecklist withItem(LeadChecklistItem item) {
        if (find(item.code()) != null) {
            throw ValidationException.of("code", Rule.CODE_TAKEN, null, item.code());
        }
        List<LeadChecklistItem> all = new ArrayList<>(items);
        all.add(item);
        return new LeadChecklist(all);
    }

    public LeadChecklistItem find(String code) {
        return items.stream().filter(item -> item.code().equals(code)).findFirst().orElse(null);
    }

    public LeadChecklistItem findById(UUID id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst().orElse(null);
    }

    public int nextPosition() {
        return items.stream().mapToInt(LeadChecklistItem::position).max().orElse(-1) + 1;
    }

    /** Whether the item applies: its own and its group's conditions hold against the current values. */
    public boolean isVisible(LeadChecklistItem item) {
        Map<String, String> values = new HashMap<>();
        items.forEach(i -> {
            if (i.value() != null) {
                values.put(i.code(), i.value());
            }
        });
        ChecklistCondition own = item.definition().condition();
        ChecklistCondition group = ChecklistCondition.parse("conditions", item.groupConditions());
        return (own == null || own.holds(values)) && (group == null || group.holds(values));
    }

    /** What the status rule sees: the items that apply (hidden items are neither required nor counted). */
    public List<ChecklistItemState> states() {
        return items.stream().filter(this::isVisible)
                .map(item -> new ChecklistItemState(item.code(), item.status(), item.isRequired()))
                .toList();
    }

    /** Items of this checklist that differ from {@code before} (same ids), to be written back. */
    public List<LeadChecklistItem> changedSince(LeadChecklist before) {
        return items.stream().filter(item -> !item.equals(before.findById(item.id()))).toList();
    }
}
