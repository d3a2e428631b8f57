package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.application.lead.service.AddLeadChecklistItemService;
import dev.activityhub.application.lead.service.ChecklistTemplateService;
import dev.activityhub.application.lead.service.CreateLeadService;
import dev.activityhub.application.lead.service.CustomActivityService;
import dev.activityhub.application.lead.service.DocumentLinks;
import dev.activityhub.application.lead.service.DocumentQueryService;
import dev.activityhub.application.lead.service.DocumentUploads;
import dev.activityhub.application.lead.service.LeadChangeRecorder;
import dev.activityhub.application.lead.service.LeadQueryService;
import dev.activityhub.application.lead.service.LeadViews;
import dev.activityhub.application.lead.service.MessageService;
import dev.activityhub.application.lead.service.OutboundMessageService;
import dev.activityhub.application.lead.service.TimelineEntryService;
import dev.activityhub.application.lead.service.UpdateLeadService;
import dev.activityhub.application.lead.service.UploadDocumentsService;
import dev.activityhub.http.lead.DocumentsRoutes;
import dev.activityhub.http.lead.LeadDocumentsRoutes;
import dev.activityhub.http.lead.LeadViewCache;
import dev.activityhub.http.lead.LeadsRoutes;
import dev.activityhub.http.lead.MessagesRoutes;
import dev.activityhub.http.lead.OutboundMessagesRoutes;
import dev.activityhub.http.lead.TimelineEntriesRoutes;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import dev.activityhub.jdbc.lead.ChecklistPersistenceAdapter;
import dev.activityhub.jdbc.lead.DatabaseDocumentContent;
import dev.activityhub.jdbc.lead.DocumentPersistenceAdapter;
import dev.activityhub.jdbc.lead.FileSystemDocumentContent;
import dev.activityhub.jdbc.lead.LeadPersistenceAdapter;
import dev.activityhub.jdbc.lead.MessagePersistenceAdapter;

import java.util.List;

/**
 * Leads and activity: the Omni-compatible API under {@code /api/v1/leads}, {@code /api/v1/activity},
 * {@code /api/v1/checklist-template} and {@code /api/v1/documents}.
 */
final class LeadsWiring {
    static final String FOLLOW_UP_WORKER = "lead-follow-ups";

    private LeadsWiring() {
    }

    static void addTo(Infrastructure infra, AuthenticateApiKeyUseCase identity, List<RouteGroup> routes,
                      List<Worker> workers) {
        var jdbi = infra.database().jdbi();
        LeadPersistenceAdapter store = new LeadPersistenceAdapter(jdbi);
        ChecklistPersistenceAdapter checklists = new ChecklistPersistenceAdapter(jdbi);
        DocumentPersistenceAdapter documents = new DocumentPersistenceAdapter(jdbi);
        // Files on disk next to the database; in the database itself when running in memory.
        DocumentContentPort contents = infra.config().documentsDir()
                .<DocumentContentPort>map(FileSystemDocumentContent::new)
                .orElseGet(() -> new DatabaseDocumentContent(jdbi));
        MessagePersistenceAdapter messages = new MessagePersistenceAdapter(jdbi);
        var tx = infra.tx();
        var clock = infra.clock();
        var ids = infra.ids();
        var phones = infra.config().phoneNumbers();
        // Shared by the services below: every lead write and its events, every lead view, every signed link.
        LeadChangeRecorder changes = new LeadChangeRecorder(store, checklists, store, messages, documents,
                infra.outbox(), ids);
        DocumentLinks links = new DocumentLinks(documents, infra.secrets(), clock);
        LeadViews views = new LeadViews(store, store, checklists, messages, links);
        DocumentUploads uploads = new DocumentUploads(contents, tx, ids);

        LeadQueryService queries = new LeadQueryService(store, store, checklists, views, tx);
        WorkspaceKeyAuth auth = new WorkspaceKeyAuth(identity);
        routes.add(new LeadsRoutes(auth,
                // The lead view is reused while nothing was written (only where this process is the one writer).
                new LeadViewCache(queries, infra.database()::changesVersion, clock),
                new LeadsRoutes.UseCases(
                        new CreateLeadService(checklists, changes, views, tx, clock, ids, phones),
                        new UpdateLeadService(store, checklists, changes, views, tx, clock, phones),
                        queries, queries, queries,
                        new CustomActivityService(changes, tx, clock, ids),
                        new ChecklistTemplateService(checklists, tx, clock, ids),
                        new AddLeadChecklistItemService(store, checklists, changes, tx, clock, ids))));
        DocumentQueryService documentReads = new DocumentQueryService(store, documents, contents, links, tx, clock);
        routes.add(new DocumentsRoutes(auth, new UploadDocumentsService(uploads, changes, store, checklists, links,
                clock, ids), documentReads, documentReads, infra.config().maxUploadBytes(),
                infra.config().maxRequestBytes()));
        routes.add(new LeadDocumentsRoutes(documentReads));
        routes.add(new MessagesRoutes(auth, new MessageService(changes, uploads, store, documents, clock, ids),
                infra.config().maxUploadBytes()));
        OutboundMessageService outbound = new OutboundMessageService(changes, store, store, tx, clock, ids);
        routes.add(new OutboundMessagesRoutes(auth, outbound, outbound));
        routes.add(new TimelineEntriesRoutes(new TimelineEntryService(changes, store, store, tx, clock, ids)));
        // Registered before the webhook worker, so one harness clock move sends a due follow-up and then
        // delivers its action_log.completed.
        workers.add(new Worker(FOLLOW_UP_WORKER, infra.config().dispatchInterval(), outbound::sendDueFollowUps));
    }
}
