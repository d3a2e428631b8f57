package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The persistence ports in memory. The lead and action-log ports pass the same contract tests as the SQL adapter
 * ({@code LeadRepositoryContract}, {@code ActionLogRepositoryContract}): same ordering, ties broken by id in the
 * databases' (unsigned) order, deleted leads invisible.
 */
final class InMemoryLeads implements LoadLeadPort, SaveLeadPort, LoadActionLogPort, SaveActionLogPort,
        ChecklistTemplatePort, LeadChecklistPort, DocumentPort, DocumentContentPort, MessagePort {
    final List<Message> messages = new ArrayList<>();
    final Map<UUID, Lead> leads = new LinkedHashMap<>();
    final List<ActionLog> logs = new ArrayList<>();
    final Map<UUID, ChecklistTemplate> templates = new HashMap<>();
    final Map<UUID, LeadChecklistItem> items = new LinkedHashMap<>();
    final Map<UUID, Document> documents = new LinkedHashMap<>();
    /** Document bytes by workspace and document, as the stores address them. */
    final Map<List<UUID>, byte[]> contents = new LinkedHashMap<>();
    final Map<UUID, String> secrets = new HashMap<>();
    /** When set, the next content write fails after reading this many bytes (a broken upload). */
    Integer failWriteAfter;

    @Override
    public ChecklistTemplate loadTemplate(UUID workspaceId) {
        return templates.getOrDefault(workspaceId, ChecklistTemplate.empty());
    }

    @Override
    public void replaceTemplate(UUID workspaceId, ChecklistTemplate template, Instant at) {
        templates.put(workspaceId, template);
    }

    @Override
    public LeadChecklist loadChecklist(UUID workspaceId, UUID leadId) {
        return new LeadChecklist(items.values().stream()
                .filter(i -> i.workspaceId().equals(workspaceId) && i.leadId().equals(leadId))
                .sorted(Comparator.comparingInt(LeadChecklistItem::position)
                        .thenComparing(LeadChecklistItem::id, TieIds.DATABASE_ORDER)).toList());
    }

    @Override
    public Map<UUID, LeadChecklist> loadChecklists(UUID workspaceId, Collection<UUID> leadIds) {
        Map<UUID, LeadChecklist> byLead = new HashMap<>();
        leadIds.forEach(id -> byLead.put(id, loadChecklist(workspaceId, id)));
        return byLead;
    }

    @Override
    public void insertChecklistItems(List<LeadChecklistItem> list) {
        list.forEach(i -> {
            if (items.putIfAbsent(i.id(), i) != null) {
                throw new IllegalStateException("duplicate item " + i.id());
            }
        });
    }

    @Override
    public void updateChecklistItems(List<LeadChecklistItem> list) {
        list.forEach(i -> {
            if (items.replace(i.id(), i) == null) {
                throw new IllegalStateException("no item " + i.id());
            }
        });
    }

    @Override
    public void insertDocument(Document document) {
        documents.put(document.id(), document);
    }

    @Override
    public Optional<Document> findDocument(UUID workspaceId, UUID documentId) {
        return findDocumentInAnyWorkspace(documentId).filter(d -> d.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Document> findDocumentInAnyWorkspace(UUID documentId) {
        return Optional.ofNullable(documents.get(documentId));
    }

    @Override
    public List<Document> listDocuments(UUID workspaceId, UUID leadId) {
        return documents.values().stream()
                .filter(d -> d.workspaceId().equals(workspaceId) && d.leadId().equals(leadId))
                .sorted(Comparator.comparing(Document::uploadedAt).thenComparing(Document::id, TieIds.DATABASE_ORDER)
                        .reversed()).toList();
    }

    @Override
    public String signingSecret(UUID workspaceId, String candidate) {
        return secrets.computeIfAbsent(workspaceId, ws -> candidate);
    }

    @Override
    public long write(UUID workspaceId, UUID documentId, InputStream content) {
        try {
            byte[] bytes = failWriteAfter == null ? content.readAllBytes() : content.readNBytes(failWriteAfter);
            if (failWriteAfter != null) {
                failWriteAfter = null;
                throw new UncheckedIOException(new IOException("disk full"));
            }
            contents.put(List.of(workspaceId, documentId), bytes);
            return bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(UUID workspaceId, UUID documentId) {
        return Optional.ofNullable(contents.get(List.of(workspaceId, documentId))).map(ByteArrayInputStream::new);
    }

    @Override
    public void delete(UUID workspaceId, UUID documentId) {
        contents.remove(List.of(workspaceId, documentId));
    }

    private static final Comparator<ActionLog> NEWEST_FIRST =
            Comparator.comparing(ActionLog::createdAt).thenComparing(ActionLog::id, TieIds.DATABASE_ORDER).reversed();
    private static final Comparator<Lead> NEWEST_LEAD_FIRST =
            Comparator.comparing(Lead::createdAt).thenComparing(Lead::id, TieIds.DATABASE_ORDER).reversed();

    /** Deleted leads are never read, as in SQL. */
    @Override
    public Optional<Lead> findLead(UUID workspaceId, UUID leadId) {
        return Optional.ofNullable(leads.get(leadId))
                .filter(l -> l.workspaceId().equals(workspaceId) && l.deletedAt() == null);
    }

    @Override
    public boolean leadExists(UUID workspaceId, UUID leadId) {
        return findLead(workspaceId, leadId).isPresent();
    }

    @Override
    public Optional<Lead> findLeadForUpdate(UUID workspaceId, UUID leadId) {
        return findLead(workspaceId, leadId);
    }

    @Override
    public List<Lead> findMatchingLeads(UUID workspaceId, UUID excludedLeadId, String email, String phoneNumber, int limit) {
        return live(workspaceId).filter(l -> !l.id().equals(excludedLeadId))
                .filter(l -> (email != null && email.equals(l.email())) || (phoneNumber != null && phoneNumber.equals(l.phoneNumber())))
                .sorted(NEWEST_LEAD_FIRST).limit(limit).toList();
    }

    @Override
    public List<Lead> listLeads(UUID workspaceId, String search, long offset, int limit) {
        return matching(workspaceId, search).sorted(NEWEST_LEAD_FIRST).skip(offset).limit(limit).toList();
    }

    @Override
    public long countLeads(UUID workspaceId, String search) {
        return matching(workspaceId, search).count();
    }

    /** Like the SQL search: names, "first last", business name lower-cased; the e-mail as stored (lower-case). */
    private Stream<Lead> matching(UUID workspaceId, String search) {
        String q = search == null ? null : search.toLowerCase(Locale.ROOT);
        return live(workspaceId)
                .filter(l -> q == null || l.email() != null && l.email().contains(q)
                        || Stream.of(l.firstName(), l.lastName(), l.businessName(),
                                        l.lastName() == null ? null : l.firstName() + " " + l.lastName())
                                .filter(Objects::nonNull).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(q)));
    }

    private Stream<Lead> live(UUID workspaceId) {
        return leads.values().stream().filter(l -> l.workspaceId().equals(workspaceId) && l.deletedAt() == null);
    }

    @Override
    public void insertLead(Lead lead) {
        leads.put(lead.id(), lead);
    }

    @Override
    public void updateLead(Lead lead) {
        if (findLead(lead.workspaceId(), lead.id()).isEmpty()) {
            throw new IllegalStateException("lead " + lead.id() + " vanished during its update");
        }
        leads.put(lead.id(), lead);
    }

    @Override
    public List<ActionLog> listActionLogs(UUID workspaceId, UUID leadId, long offset, int limit) {
        return logsOf(workspaceId, leadId).sorted(NEWEST_FIRST).skip(offset).limit(limit).toList();
    }

    @Override
    public long countActionLogs(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId).count();
    }

    @Override
    public Optional<ActionLog> lastAction(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId).filter(ActionLog::isLastActionCandidate)
                .max(Comparator.comparing(ActionLog::completedAt).thenComparing(ActionLog::id, TieIds.DATABASE_ORDER));
    }

    @Override
    public Map<UUID, ActionLog> lastActionOf(UUID workspaceId, Collection<UUID> leadIds) {
        Map<UUID, ActionLog> byLead = new HashMap<>();
        leadIds.forEach(id -> lastAction(workspaceId, id).ifPresent(log -> byLead.put(id, log)));
        return byLead;
    }

    @Override
    public Optional<Lead> findNewestLeadByEmail(UUID workspaceId, String email) {
        return live(workspaceId).filter(l -> email.equals(l.email())).min(NEWEST_LEAD_FIRST);
    }

    @Override
    public void insertMessage(Message message) {
        // Like SQL's foreign keys: a message carries stored documents of its own workspace only.
        message.documents().forEach(d -> findDocument(message.workspaceId(), d.id())
                .orElseThrow(() -> new IllegalStateException("no document " + d.id() + " in the workspace")));
        messages.add(message);
    }

    @Override
    public Map<UUID, List<Message>> messagesOf(UUID workspaceId, Collection<UUID> actionLogIds) {
        Map<UUID, List<Message>> byLog = new HashMap<>();
        messages.stream().filter(m -> m.workspaceId().equals(workspaceId) && actionLogIds.contains(m.actionLogId()))
                .sorted(Comparator.comparing(Message::createdAt).thenComparing(Message::id, TieIds.DATABASE_ORDER))
                .forEach(m -> byLog.computeIfAbsent(m.actionLogId(), k -> new ArrayList<>()).add(m));
        return byLog;
    }

    @Override
    public Optional<ActionLog> nextFollowUp(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId)
                .filter(l -> l.status() == ActionLogStatus.PENDING && l.type() == ActionLogType.FOLLOW_UP_MESSAGE)
                .min(Comparator.comparing(ActionLog::scheduledAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ActionLog::createdAt).thenComparing(ActionLog::id, TieIds.DATABASE_ORDER));
    }

    @Override
    public Optional<ActionLog> nextDraft(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId)
                .filter(l -> l.status() == ActionLogStatus.AWAITING_APPROVAL && l.type() == ActionLogType.MESSAGE)
                .min(Comparator.comparing(ActionLog::createdAt).thenComparing(ActionLog::id, TieIds.DATABASE_ORDER));
    }

    private Stream<ActionLog> logsOf(UUID workspaceId, UUID leadId) {
        return logs.stream().filter(l -> l.workspaceId().equals(workspaceId) && l.leadId().equals(leadId));
    }

    @Override
    public void insertActionLog(ActionLog log) {
        logs.add(log);
    }

    @Override
    public boolean insertActionLogIfLeadExists(ActionLog log) {
        if (!leadExists(log.workspaceId(), log.leadId())) {
            return false;
        }
        insertActionLog(log);
        return true;
    }

    @Override
    public void updateActionLog(ActionLog log) {
        for (int i = 0; i < logs.size(); i++) {
            if (logs.get(i).id().equals(log.id()) && logs.get(i).workspaceId().equals(log.workspaceId())) {
                logs.set(i, log);
                return;
            }
        }
        throw new IllegalStateException("no action log " + log.id());
    }

    @Override
    public Map<UUID, List<ActionLog>> toolCallsOf(UUID workspaceId, Collection<UUID> parentIds) {
        Map<UUID, List<ActionLog>> byParent = new HashMap<>();
        logs.stream().filter(l -> l.workspaceId().equals(workspaceId) && l.type() == ActionLogType.TOOL_CALL
                        && l.parentActionId() != null && parentIds.contains(l.parentActionId()))
                .sorted(Comparator.comparing(ActionLog::createdAt).thenComparing(ActionLog::id, TieIds.DATABASE_ORDER))
                .forEach(l -> byParent.computeIfAbsent(l.parentActionId(), k -> new ArrayList<>()).add(l));
        return byParent;
    }

    @Override
    public Optional<ActionLog> findActionLogForUpdate(UUID workspaceId, UUID actionLogId) {
        return logs.stream().filter(l -> l.workspaceId().equals(workspaceId) && l.id().equals(actionLogId))
                .findFirst();
    }

    @Override
    public List<ActionLog> claimDueFollowUps(Instant now, int limit) {
        return logs.stream()
                .filter(l -> l.status() == ActionLogStatus.PENDING && l.type() == ActionLogType.FOLLOW_UP_MESSAGE
                        && !l.scheduledAt().isAfter(now))
                .sorted(Comparator.comparing(ActionLog::scheduledAt)
                        .thenComparing(ActionLog::workspaceId, TieIds.DATABASE_ORDER)
                        .thenComparing(ActionLog::id, TieIds.DATABASE_ORDER))
                .limit(limit).toList();
    }
}
