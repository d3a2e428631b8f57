package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.ChecklistGroup;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.PhoneNumbers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link ChecklistTemplatePort} and {@link LeadChecklistPort} promise, for the fake and the SQL adapter alike. */
public abstract class ChecklistRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");

    protected abstract ChecklistTemplatePort templates();

    protected abstract LeadChecklistPort checklists();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A lead that exists in the workspace. */
    protected abstract UUID newLead(UUID workspaceId);

    private static ChecklistTemplate template() {
        return new ChecklistTemplate(List.of(
                new ChecklistGroup(UUID.randomUUID(), "Business", null, List.of(
                        ChecklistItemDefinition.define("", UUID.randomUUID(), "has_ein", "EIN?", "SELECT", true, null,
                                Map.of("options", List.of("yes", "no"))),
                        ChecklistItemDefinition.define("", UUID.randomUUID(), "ein", "EIN", "EIN", true,
                                Map.of("showWhen", Map.of("code", "has_ein", "equals", "yes")), null))),
                new ChecklistGroup(UUID.randomUUID(), "Docs",
                        Map.of("showWhen", Map.of("code", "has_ein", "hasValue", true)), List.of(
                        ChecklistItemDefinition.define("", UUID.randomUUID(), "bank", "Bank", "BANK_STATEMENT", true,
                                null, null)))));
    }

    @Test
    void aTemplateIsEmptyUntilStoredAndEachReplaceIsWhole() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        assertEquals(ChecklistTemplate.empty(), templates().loadTemplate(ws));

        ChecklistTemplate template = template();
        templates().replaceTemplate(ws, template, T0);
        assertEquals(template, templates().loadTemplate(ws));
        assertEquals(ChecklistTemplate.empty(), templates().loadTemplate(other));

        ChecklistTemplate smaller = new ChecklistTemplate(List.of(template.groups().get(0)));
        templates().replaceTemplate(ws, smaller, T0.plusSeconds(1));
        assertEquals(smaller, templates().loadTemplate(ws));
        templates().replaceTemplate(ws, ChecklistTemplate.empty(), T0.plusSeconds(2));
        assertEquals(ChecklistTemplate.empty(), templates().loadTemplate(ws));
    }

    @Test
    void aLeadsItemsComeBackInDisplayOrderInItsWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID lead = newLead(ws);
        UUID bare = newLead(ws);
        LeadChecklist checklist = LeadChecklist.fromTemplate(ws, lead, template(), UUID::randomUUID, T0);
        List<LeadChecklistItem> backwards = new ArrayList<>(checklist.items());
        Collections.reverse(backwards);
        checklists().insertChecklistItems(backwards);

        assertEquals(checklist, checklists().loadChecklist(ws, lead));
        assertTrue(checklists().loadChecklist(ws, bare).items().isEmpty());
        assertTrue(checklists().loadChecklist(other, lead).items().isEmpty());
        assertTrue(checklists().loadChecklist(ws, UUID.randomUUID()).items().isEmpty(), "an unknown lead");
        assertEquals(Map.of(lead, checklist, bare, new LeadChecklist(List.of())),
                checklists().loadChecklists(ws, List.of(lead, bare)), "every asked lead, in one read");
        assertEquals(Map.of(lead, new LeadChecklist(List.of())), checklists().loadChecklists(other, List.of(lead)));
    }

    @Test
    void updatesStoreTheAnswersOfExistingItemsOnly() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        LeadChecklist checklist = LeadChecklist.fromTemplate(ws, lead, template(), UUID::randomUUID, T0);
        checklists().insertChecklistItems(checklist.items());

        LeadChecklist answered = checklist.apply(List.of(new ChecklistValue("has_ein", true, "yes", null)),
                T0.plusSeconds(1), PHONES);
        checklists().updateChecklistItems(answered.changedSince(checklist));
        assertEquals(answered, checklists().loadChecklist(ws, lead));
        assertEquals(ChecklistItemStatus.COMPLETED, checklists().loadChecklist(ws, lead).find("has_ein").status());

        LeadChecklist elsewhere = LeadChecklist.fromTemplate(ws, newLead(ws), template(), UUID::randomUUID, T0);
        assertThrows(RuntimeException.class, () -> checklists().updateChecklistItems(elsewhere.items()),
                "items never inserted");
        assertThrows(RuntimeException.class, () -> checklists().insertChecklistItems(checklist.items()),
                "an item id is stored once");
    }
}
