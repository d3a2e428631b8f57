package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.application.lead.service.DocumentService;
import dev.activityhub.application.lead.service.LeadService;
import dev.activityhub.application.lead.service.MessageService;
import dev.activityhub.application.lead.service.OutboundMessageService;
import dev.activityhub.application.lead.service.TimelineEntryService;
import dev.activityhub.http.lead.DocumentsRoutes;
import dev.activityhub.http.lead.LeadDocumentsRoutes;
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
        LeadService leads = new LeadService(store, store, store, store, checklists, checklists, documents, messages,
                infra.outbox(), infra.tx(), infra.clock(), infra.ids(), infra.secrets(), infra.config().phoneNumbers());
        DocumentService docs = new DocumentService(leads, store, checklists, documents, contents, infra.outbox(),
                infra.tx(), infra.clock(), infra.ids(), infra.secrets());
        WorkspaceKeyAuth auth = new WorkspaceKeyAuth(identity);
        routes.add(new LeadsRoutes(auth, leads, leads, leads, leads, leads, leads, leads, leads, leads));
        routes.add(new DocumentsRoutes(auth, docs, docs, docs, infra.config().maxUploadBytes(),
                infra.config().maxRequestBytes()));
        routes.add(new LeadDocumentsRoutes(docs));
        routes.add(new MessagesRoutes(auth, new MessageService(leads, docs, store, documents, infra.clock(),
                infra.ids()), infra.config().maxUploadBytes()));
        OutboundMessageService outbound = new OutboundMessageService(leads, store, store, store, messages,
                infra.outbox(), infra.tx(), infra.clock(), infra.ids());
        routes.add(new OutboundMessagesRoutes(auth, outbound, outbound));
        routes.add(new TimelineEntriesRoutes(new TimelineEntryService(leads, store, store, infra.tx(), infra.clock(),
                infra.ids())));
        // Registered before the webhook worker, so one harness clock move sends a due follow-up and then
        // delivers its action_log.completed.
        workers.add(new Worker(FOLLOW_UP_WORKER, infra.config().dispatchInterval(), outbound::sendDueFollowUps));
    }
}
