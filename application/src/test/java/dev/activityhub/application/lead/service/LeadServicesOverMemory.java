package dev.activityhub.application.lead.service;

import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.PhoneNumbers;

import java.time.Clock;

/** The lead services over one in-memory store, wired by hand as {@code LeadsWiring} wires them over the database. */
final class LeadServicesOverMemory {
    final LeadChangeRecorder changes;
    final DocumentLinks links;
    final LeadViews views;
    final CreateLeadService create;
    final UpdateLeadService update;
    final LeadQueryService queries;
    final CustomActivityService activities;
    final ChecklistTemplateService templates;
    final AddLeadChecklistItemService checklistItems;

    LeadServicesOverMemory(InMemoryLeads store, OutboxPort outbox, TransactionPort tx, Clock clock, IdGenerator ids,
                           SecretGenerator secrets) {
        PhoneNumbers phones = PhoneNumbers.withDefaultRegion("US");
        changes = new LeadChangeRecorder(store, store, store, store, store, outbox, ids);
        links = new DocumentLinks(store, secrets, clock);
        views = new LeadViews(store, store, store, store, links);
        create = new CreateLeadService(store, changes, views, tx, clock, ids, phones);
        update = new UpdateLeadService(store, store, changes, views, tx, clock, phones);
        queries = new LeadQueryService(store, store, store, views, tx);
        activities = new CustomActivityService(changes, tx, clock, ids);
        templates = new ChecklistTemplateService(store, tx, clock, ids);
        checklistItems = new AddLeadChecklistItemService(store, store, changes, tx, clock, ids);
    }
}
