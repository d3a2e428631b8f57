package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.Lead;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads leads, always within one workspace. */
public interface LoadLeadPort {
    Optional<Lead> findLead(UUID workspaceId, UUID leadId);

    /** Whether the workspace has this (non-deleted) lead: for writes that only need to know. */
    boolean leadExists(UUID workspaceId, UUID leadId);

    /** Reads and locks the lead until the transaction ends, so concurrent updates apply one after the other. */
    Optional<Lead> findLeadForUpdate(UUID workspaceId, UUID leadId);

    /** Other non-deleted leads of the workspace with the same e-mail or phone number (either may be null). */
    List<Lead> findMatchingLeads(UUID workspaceId, UUID excludedLeadId, String email, String phoneNumber, int limit);

    /** The workspace's newest non-deleted lead with this (lower-cased) e-mail address. */
    Optional<Lead> findNewestLeadByEmail(UUID workspaceId, String email);

    /** Newest first; {@code search} (null for all) matches names, business name and e-mail, case-insensitively. */
    List<Lead> listLeads(UUID workspaceId, String search, long offset, int limit);

    long countLeads(UUID workspaceId, String search);
}
