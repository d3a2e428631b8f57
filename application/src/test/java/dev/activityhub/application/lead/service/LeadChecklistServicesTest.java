package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.AddLeadChecklistItemUseCase.AddChecklistItemCommand;
import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase.ReplaceTemplateCommand;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace's checklist template and a lead's own checklist items. */
class LeadChecklistServicesTest {
    private static final UUID WS = new UUID(0x7000L, 0xffL);

    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            Fakes.fixedClock(), Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));

    private static ChecklistTemplateInput template(String groupName, String... codes) {
        return new ChecklistTemplateInput(List.of(new ChecklistTemplateInput.Group(groupName, null,
                java.util.Arrays.stream(codes).map(code -> new ChecklistTemplateInput.Item(code, code.toUpperCase(),
                        "TEXT", false, null, null)).toList())));
    }

    @Test
    void replacingTheTemplateKeepsTheIdsOfGroupsAndItemsByNameAndCode() {
        ChecklistTemplate first = leads.templates.replaceTemplate(new ReplaceTemplateCommand(WS, template("Docs",
                "ein", "bank")));
        ChecklistTemplate second = leads.templates.replaceTemplate(new ReplaceTemplateCommand(WS, template("Docs",
                "bank", "owner")));
        assertEquals(first.groups().get(0).id(), second.groups().get(0).id());
        assertEquals(first.groups().get(0).items().get(1).id(), second.groups().get(0).items().get(0).id());
        assertNotEquals(first.groups().get(0).items().get(0).id(), second.groups().get(0).items().get(1).id());
        assertEquals(second, leads.templates.getTemplate(WS));
    }

    @Test
    void anInvalidTemplateReportsEveryFieldAndKeepsTheOldOne() {
        leads.templates.replaceTemplate(new ReplaceTemplateCommand(WS, template("Docs", "ein")));
        ValidationException e = assertThrows(ValidationException.class, () -> leads.templates.replaceTemplate(
                new ReplaceTemplateCommand(WS, template(" ", "ein"))));
        assertEquals("groups.0.name", e.errors().get(0).field());
        assertEquals("Docs", leads.templates.getTemplate(WS).groups().get(0).name());
    }

    @Test
    void anAddedItemJoinsTheLeadsChecklistAndIsAnnounced() {
        UUID leadId = leads.create.createLead(new CreateLeadCommand(WS, LeadChanges.none()
                .with(LeadField.FIRST_NAME, "John"), List.of())).lead().id();
        outbox.events.clear();
        LeadChecklistItem item = leads.checklistItems.addChecklistItem(new AddChecklistItemCommand(WS, leadId, "ein",
                "EIN", "TEXT", true, null, null));
        assertEquals(List.of(item), store.loadChecklist(WS, leadId).items());
        assertEquals(List.of("lead.updated", "action_log.completed"),
                outbox.events.stream().map(DomainEvent::type).toList());
        assertEquals(List.of("checklistItems"), ((LeadEvent.Updated) outbox.events.get(0)).changes());
        assertEquals("Checklist item added", store.logs.get(store.logs.size() - 1).summary());
    }

    @Test
    void anItemConditionedOnAnUnknownCodeIsRefusedAndAnUnknownLeadIsNotFound() {
        UUID leadId = leads.create.createLead(new CreateLeadCommand(WS, LeadChanges.none()
                .with(LeadField.FIRST_NAME, "John"), List.of())).lead().id();
        ValidationException e = assertThrows(ValidationException.class, () -> leads.checklistItems.addChecklistItem(
                new AddChecklistItemCommand(WS, leadId, "ein", "EIN", "TEXT", true,
                        Map.of("showWhen", Map.of("code", "has_ein", "equals", "yes")), null)));
        assertEquals("conditions", e.errors().get(0).field());
        assertTrue(store.loadChecklist(WS, leadId).items().isEmpty());
        assertThrows(NotFoundException.class, () -> leads.checklistItems.addChecklistItem(
                new AddChecklistItemCommand(WS, UUID.randomUUID(), "ein", "EIN", "TEXT", true, null, null)));
    }
}
