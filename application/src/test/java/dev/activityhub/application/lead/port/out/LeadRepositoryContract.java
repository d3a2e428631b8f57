package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.application.testing.TieIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link LoadLeadPort} and {@link SaveLeadPort} promise, whoever implements them: the in-memory fake of the
 * service tests and the SQL adapter on H2 and PostgreSQL run these same tests, so the fake cannot drift.
 * Every test works in workspaces of its own, so implementations may share one store between tests.
 */
public abstract class LeadRepositoryContract {
    protected static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
    protected static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");


    protected abstract LoadLeadPort loads();

    protected abstract SaveLeadPort saves();

    /** A workspace that exists (the SQL adapter's rows need one). */
    protected abstract UUID newWorkspace();

    protected static Lead lead(UUID ws, String firstName, String email, String phone, Instant at) {
        return lead(ws, UUID.randomUUID(), firstName, email, phone, at);
    }

    protected static Lead lead(UUID ws, UUID id, String firstName, String email, String phone, Instant at) {
        LeadChanges changes = LeadChanges.none().with(LeadField.FIRST_NAME, firstName).with(LeadField.LAST_NAME, "Doe")
                .with(LeadField.EMAIL, email).with(LeadField.PHONE_NUMBER, phone)
                .with(LeadField.BUSINESS_NAME, "50% Haulers_Co").with(LeadField.TAGS, List.of("vip", "sba"));
        return Lead.create(ws, id, changes, at, PHONES);
    }

    /** The same lead, soft-deleted (nothing in the API deletes yet, but rows may carry deleted_at). */
    protected static Lead deleted(Lead l, Instant at) {
        return new Lead(l.workspaceId(), l.id(), l.firstName(), l.middleName(), l.lastName(), l.email(),
                l.phoneNumber(), l.businessName(), l.website(), l.externalLeadId(), l.timezone(), l.source(),
                l.isTest(), l.assigneeType(), l.didOptOut(), l.optOutAt(), l.emailVerifiedAt(), l.phoneVerifiedAt(),
                l.tags(), l.explicitStatus(), l.activitySummary(), l.externalPortalLink(), l.submittedAt(),
                l.completedAt(), l.createdAt(), at, at);
    }

    private static List<UUID> ids(List<Lead> leads) {
        return leads.stream().map(Lead::id).toList();
    }

    @Test
    void anInsertedLeadIsReadBackUnchanged() {
        UUID ws = newWorkspace();
        Lead john = lead(ws, "John", "john@example.com", "+16782319992", T0);
        saves().insertLead(john);

        assertEquals(john, loads().findLead(ws, john.id()).orElseThrow());
        assertEquals(john, loads().findLeadForUpdate(ws, john.id()).orElseThrow());
        assertTrue(loads().leadExists(ws, john.id()));
    }

    @Test
    void anUnknownLeadIsNotFound() {
        UUID ws = newWorkspace();
        UUID nobody = UUID.randomUUID();
        assertTrue(loads().findLead(ws, nobody).isEmpty());
        assertTrue(loads().findLeadForUpdate(ws, nobody).isEmpty());
        assertFalse(loads().leadExists(ws, nobody));
        assertTrue(loads().listLeads(ws, null, 0, 10).isEmpty());
        assertEquals(0, loads().countLeads(ws, null));
    }

    @Test
    void anotherWorkspaceNeverSeesTheLead() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        Lead john = lead(ws, "John", "john@example.com", "+16782319992", T0);
        saves().insertLead(john);

        assertTrue(loads().findLead(other, john.id()).isEmpty());
        assertTrue(loads().findLeadForUpdate(other, john.id()).isEmpty());
        assertFalse(loads().leadExists(other, john.id()));
        assertTrue(loads().listLeads(other, null, 0, 10).isEmpty());
        assertEquals(0, loads().countLeads(other, "john"));
        assertTrue(loads().findNewestLeadByEmail(other, "john@example.com").isEmpty());
        assertTrue(loads().findMatchingLeads(other, UUID.randomUUID(), "john@example.com", "+16782319992", 10)
                .isEmpty());
    }

    @Test
    void anUpdateReplacesTheStoredLead() {
        UUID ws = newWorkspace();
        Lead john = lead(ws, "John", "john@example.com", null, T0);
        saves().insertLead(john);
        Lead changed = john.apply(LeadChanges.none().with(LeadField.FIRST_NAME, "Johnny")
                .with(LeadField.DID_OPT_OUT, true), T0.plusSeconds(1), PHONES).markCompleted(T0.plusSeconds(1));

        saves().updateLead(changed);

        assertEquals(changed, loads().findLead(ws, john.id()).orElseThrow());
        assertEquals(1, loads().countLeads(ws, null));
    }

    @Test
    void updatingALeadThatIsNotStoredFails() {
        UUID ws = newWorkspace();
        Lead ghost = lead(ws, "Ghost", null, null, T0);
        assertThrows(RuntimeException.class, () -> saves().updateLead(ghost));
        assertTrue(loads().findLead(ws, ghost.id()).isEmpty());
    }

    @Test
    void leadsAreListedNewestFirstWithTheHigherIdFirstOnATieAndPagedByOffset() {
        UUID ws = newWorkspace();
        Lead oldest = lead(ws, "A", null, null, T0);
        Lead middle = lead(ws, "B", null, null, T0.plusSeconds(1));
        Lead tieLow = lead(ws, TieIds.low(), "C", null, null, T0.plusSeconds(2));
        Lead tieHigh = lead(ws, TieIds.high(), "D", null, null, T0.plusSeconds(2));
        Lead newest = lead(ws, "E", null, null, T0.plusSeconds(3));
        List.of(middle, tieHigh, oldest, newest, tieLow).forEach(saves()::insertLead);

        assertEquals(List.of(newest.id(), tieHigh.id(), tieLow.id(), middle.id(), oldest.id()),
                ids(loads().listLeads(ws, null, 0, 10)));
        assertEquals(List.of(newest.id(), tieHigh.id()), ids(loads().listLeads(ws, null, 0, 2)));
        assertEquals(List.of(tieLow.id(), middle.id()), ids(loads().listLeads(ws, null, 2, 2)));
        assertEquals(List.of(oldest.id()), ids(loads().listLeads(ws, null, 4, 2)));
        assertTrue(loads().listLeads(ws, null, 5, 2).isEmpty());
        assertEquals(5, loads().countLeads(ws, null));
    }

    @Test
    void theSearchMatchesNamesBusinessAndEmailCaseInsensitivelyWithLiteralWildcards() {
        UUID ws = newWorkspace();
        Lead jane = lead(ws, "Jane", "jane@example.com", null, T0);
        Lead ann = lead(ws, "Ann", "ann@example.com", null, T0.plusSeconds(1));
        List.of(jane, ann).forEach(saves()::insertLead);

        assertEquals(List.of(ann.id()), ids(loads().listLeads(ws, "ANN@", 0, 10)));
        assertEquals(1, loads().countLeads(ws, "ANN@"));
        assertEquals(List.of(jane.id()), ids(loads().listLeads(ws, "jAnE", 0, 10)));
        assertEquals(List.of(jane.id()), ids(loads().listLeads(ws, "jane doe", 0, 10)), "first and last name");
        assertEquals(2, loads().countLeads(ws, "DOE"));
        assertEquals(2, loads().countLeads(ws, "50% haulers_"), "business name; % and _ are literal");
        assertEquals(0, loads().countLeads(ws, "5_%"));
        assertEquals(0, loads().countLeads(ws, "nobody"));
        assertTrue(loads().listLeads(ws, "nobody", 0, 10).isEmpty());
    }

    @Test
    void aDeletedLeadIsNeverFoundListedCountedOrMatched() {
        UUID ws = newWorkspace();
        Lead gone = lead(ws, "Gone", "same@example.com", "+16782319992", T0.plusSeconds(5));
        Lead kept = lead(ws, "Kept", "same@example.com", null, T0);
        saves().insertLead(kept);
        saves().insertLead(gone);
        saves().updateLead(deleted(gone, T0.plusSeconds(6)));

        assertTrue(loads().findLead(ws, gone.id()).isEmpty());
        assertTrue(loads().findLeadForUpdate(ws, gone.id()).isEmpty());
        assertFalse(loads().leadExists(ws, gone.id()));
        assertEquals(List.of(kept.id()), ids(loads().listLeads(ws, null, 0, 10)));
        assertEquals(1, loads().countLeads(ws, null));
        assertEquals(1, loads().countLeads(ws, "same@"));
        assertEquals(kept.id(), loads().findNewestLeadByEmail(ws, "same@example.com").orElseThrow().id());
        assertTrue(loads().findMatchingLeads(ws, kept.id(), "same@example.com", "+16782319992", 10).isEmpty());
    }

    @Test
    void matchingLeadsShareTheEmailOrPhoneNewestFirstWithoutTheLeadItself() {
        UUID ws = newWorkspace();
        Lead john = lead(ws, "John", "john@example.com", "+16782319992", T0);
        Lead sameEmail = lead(ws, "Jane", "john@example.com", null, T0.plusSeconds(1));
        Lead samePhone = lead(ws, "Jim", null, "+16782319992", T0.plusSeconds(2));
        Lead unrelated = lead(ws, "Ann", "ann@example.com", "+442079460958", T0.plusSeconds(3));
        List.of(john, sameEmail, samePhone, unrelated).forEach(saves()::insertLead);

        assertEquals(List.of(samePhone.id(), sameEmail.id()),
                ids(loads().findMatchingLeads(ws, john.id(), john.email(), john.phoneNumber(), 20)));
        assertEquals(List.of(samePhone.id()),
                ids(loads().findMatchingLeads(ws, john.id(), john.email(), john.phoneNumber(), 1)), "the limit");
        assertEquals(List.of(sameEmail.id(), john.id()),
                ids(loads().findMatchingLeads(ws, unrelated.id(), "john@example.com", null, 20)), "e-mail alone");
        assertTrue(loads().findMatchingLeads(ws, unrelated.id(), null, null, 20).isEmpty(), "nothing to match");
    }

    @Test
    void theNewestLeadWithAnEmailWinsAndTheHigherIdBreaksATie() {
        UUID ws = newWorkspace();
        Lead older = lead(ws, "Old", "mark@example.com", null, T0);
        Lead tieLow = lead(ws, TieIds.low(), "Low", "Mark@Example.com", null, T0.plusSeconds(1));
        Lead tieHigh = lead(ws, TieIds.high(), "High", "mark@example.com", null, T0.plusSeconds(1));
        Lead other = lead(ws, "Other", "other@example.com", null, T0.plusSeconds(2));
        List.of(older, tieHigh, tieLow, other).forEach(saves()::insertLead);

        assertEquals(tieHigh.id(), loads().findNewestLeadByEmail(ws, "mark@example.com").orElseThrow().id());
        assertTrue(loads().findNewestLeadByEmail(ws, "nobody@example.com").isEmpty());
    }
}
