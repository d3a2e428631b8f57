package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.Lead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The persistence ports in memory, with the same ordering rules as the SQL adapter. */
final class InMemoryLeads implements LoadLeadPort, SaveLeadPort, LoadActionLogPort, SaveActionLogPort {
    final Map<UUID, Lead> leads = new LinkedHashMap<>();
    final List<ActionLog> logs = new ArrayList<>();

    private static final Comparator<ActionLog> NEWEST_FIRST =
            Comparator.comparing(ActionLog::createdAt).thenComparing(ActionLog::id).reversed();

    @Override
    public Optional<Lead> findLead(UUID workspaceId, UUID leadId) {
        return Optional.ofNullable(leads.get(leadId)).filter(l -> l.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<Lead> findLeadForUpdate(UUID workspaceId, UUID leadId) {
        return findLead(workspaceId, leadId);
    }

    @Override
    public List<Lead> findMatchingLeads(UUID workspaceId, UUID excludedLeadId, String email, String phoneNumber, int limit) {
        return leads.values().stream()
                .filter(l -> l.workspaceId().equals(workspaceId) && !l.id().equals(excludedLeadId))
                .filter(l -> (email != null && email.equals(l.email())) || (phoneNumber != null && phoneNumber.equals(l.phoneNumber())))
                .limit(limit).toList();
    }

    @Override
    public List<Lead> listLeads(UUID workspaceId, String search, long offset, int limit) {
        return matching(workspaceId, search).sorted(Comparator.comparing(Lead::createdAt).thenComparing(Lead::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long countLeads(UUID workspaceId, String search) {
        return matching(workspaceId, search).count();
    }

    private Stream<Lead> matching(UUID workspaceId, String search) {
        String q = search == null ? null : search.toLowerCase(Locale.ROOT);
        return leads.values().stream().filter(l -> l.workspaceId().equals(workspaceId))
                .filter(l -> q == null || Stream.of(l.firstName(), l.lastName(), l.businessName(), l.email())
                        .filter(Objects::nonNull).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(q)));
    }

    @Override
    public void insertLead(Lead lead) {
        leads.put(lead.id(), lead);
    }

    @Override
    public void updateLead(Lead lead) {
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
    public Optional<ActionLog> lastCompleted(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId).filter(l -> l.status() == ActionLogStatus.COMPLETED).min(NEWEST_FIRST);
    }

    @Override
    public Optional<ActionLog> nextFollowUp(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId)
                .filter(l -> l.status() == ActionLogStatus.PENDING && l.type() == ActionLogType.FOLLOW_UP_MESSAGE)
                .min(Comparator.comparing(ActionLog::scheduledAt, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    @Override
    public Optional<ActionLog> nextDraft(UUID workspaceId, UUID leadId) {
        return logsOf(workspaceId, leadId)
                .filter(l -> l.status() == ActionLogStatus.AWAITING_APPROVAL && l.type() == ActionLogType.MESSAGE)
                .min(Comparator.comparing(ActionLog::createdAt));
    }

    private Stream<ActionLog> logsOf(UUID workspaceId, UUID leadId) {
        return logs.stream().filter(l -> l.workspaceId().equals(workspaceId) && l.leadId().equals(leadId));
    }

    @Override
    public void insertActionLog(ActionLog log) {
        logs.add(log);
    }
}
