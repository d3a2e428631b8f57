package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Documents uploaded to a lead: the content first, then the records, the checklist answer and the log
 * in one transaction.
 */
public final class UploadDocumentsService implements UploadDocumentsUseCase {
    private final DocumentUploads uploads;
    private final LeadChangeRecorder changes;
    private final LoadLeadPort loadLeads;
    private final LeadChecklistPort checklists;
    private final DocumentLinks links;
    private final Clock clock;
    private final IdGenerator ids;

    public UploadDocumentsService(DocumentUploads uploads, LeadChangeRecorder changes, LoadLeadPort loadLeads,
                                  LeadChecklistPort checklists, DocumentLinks links, Clock clock, IdGenerator ids) {
        this.uploads = uploads;
        this.changes = changes;
        this.loadLeads = loadLeads;
        this.checklists = checklists;
        this.links = links;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public UploadResult uploadDocuments(UploadDocumentsCommand command) {
        FreeJson.check("metadata", command.metadata());
        return uploads.inTransactionCleaningUp(command.workspaceId(), stored -> upload(command, stored));
    }

    private UploadResult upload(UploadDocumentsCommand command, List<UUID> stored) {
        UUID ws = command.workspaceId();
        Lead lead = loadLeads.findLeadForUpdate(ws, command.leadId()).orElseThrow(LeadErrors::leadNotFound);
        LeadChecklist before = checklists.loadChecklist(ws, lead.id());
        LeadChecklistItem item = null;
        if (command.leadChecklistItemId() != null) {
            item = before.findById(command.leadChecklistItemId());
            if (item == null) {
                throw ValidationException.of("leadChecklistItemId", Rule.UNKNOWN_ITEM, null,
                        command.leadChecklistItemId().toString());
            }
        }
        Instant now = clock.instant();
        List<Document> uploaded = new ArrayList<>();
        for (UploadedContent file : command.files()) {
            uploaded.add(uploads.storeContent(ws, lead.id(), item == null ? null : item.id(), file,
                    command.metadata(), now, stored));
        }
        uploaded.forEach(changes::received);
        // A file-like item is answered by the upload: its value is the (last) file's name, and it is COMPLETED.
        LeadChecklist after = item != null && item.definition().fieldType().isFileLike()
                ? before.withUpload(item.id(), uploaded.get(uploaded.size() - 1).filename(), now) : before;
        changes.changed(lead, lead, before, after, now, null);
        ActionLog log = ActionLog.documentUpload(ws, ids.newId(), lead.id(), uploaded,
                item == null ? null : item.id(), now);
        changes.record(log);
        return new UploadResult(links.sign(ws, uploaded), log.id());
    }
}
