package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeadTest {
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final UUID WS = UUID.fromString("00000000-0000-7000-8000-000000000001");

    private static Lead john() {
        return Lead.create(WS, UUID.randomUUID(), LeadChanges.none()
                .with(LeadField.FIRST_NAME, "  John ")
                .with(LeadField.LAST_NAME, "Doe")
                .with(LeadField.EMAIL, "John@Example.COM")
                .with(LeadField.PHONE_NUMBER, "(678) 231-9992")
                .with(LeadField.ASSIGNEE_TYPE, "agent")
                .with(LeadField.EMAIL_VERIFIED, true)
                .with(LeadField.TAGS, List.of("vip", " vip ", "sba")), T0, PHONES);
    }

    @Test
    void createNormalisesAndFillsDefaults() {
        Lead lead = john();
        assertEquals("John", lead.firstName());
        assertEquals("john@example.com", lead.email());
        assertEquals("+16782319992", lead.phoneNumber());
        assertEquals(AssigneeType.AI_AGENT, lead.assigneeType());
        assertEquals("api", lead.source());
        assertEquals(T0, lead.emailVerifiedAt());
        assertEquals(List.of("vip", "sba"), lead.tags());
        assertEquals(LeadStatus.IN_PROGRESS, lead.status(List.of()));
        assertEquals(T0, lead.createdAt());
    }

    @Test
    void firstNameIsRequired() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> Lead.create(WS, UUID.randomUUID(), LeadChanges.none().with(LeadField.LAST_NAME, "Doe"),
                        T0, PHONES));
        assertEquals("firstName", missing.errors().get(0).field());
        assertThrows(ValidationException.class,
                () -> Lead.create(WS, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "  "),
                        T0, PHONES));
    }

    @Test
    void aMissingFirstNameIsReportedWithTheOtherBadFields() {
        ValidationException e = assertThrows(ValidationException.class, () -> Lead.create(WS, UUID.randomUUID(),
                LeadChanges.none().with(LeadField.LAST_NAME, "D".repeat(201)).with(LeadField.TIMEZONE, "Mars/Base"),
                T0, PHONES));
        assertEquals(List.of("firstName", "lastName", "timezone"), e.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> Lead.create(WS, UUID.randomUUID(),
                LeadChanges.none().with(LeadField.FIRST_NAME, "A").with(LeadField.EMAIL, "not-an-email")
                        .with(LeadField.PHONE_NUMBER, "12").with(LeadField.ASSIGNEE_TYPE, "robot")
                        .with(LeadField.TIMEZONE, "Mars/Olympus"), T0, PHONES));
        assertEquals(List.of("email", "phoneNumber", "timezone", "assigneeType"),
                e.errors().stream().map(err -> err.field()).sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String field) {
        return List.of("email", "phoneNumber", "timezone", "assigneeType").indexOf(field);
    }

    @Test
    void applyChangesOnlyGivenFieldsAndClearsExplicitNulls() {
        Lead lead = john();
        Lead updated = lead.apply(LeadChanges.none().with(LeadField.BUSINESS_NAME, "Pacific Coast")
                .with(LeadField.EMAIL, null), T1, PHONES);
        assertEquals("Pacific Coast", updated.businessName());
        assertNull(updated.email());
        assertEquals("Doe", updated.lastName());
        assertEquals(T1, updated.updatedAt());
    }

    @Test
    void applyWithoutRealChangeReturnsTheSameLead() {
        Lead lead = john();
        assertSame(lead, lead.apply(LeadChanges.none().with(LeadField.LAST_NAME, " Doe "), T1, PHONES));
    }

    @Test
    void optOutSetsTimestampAndStatus() {
        Lead out = john().apply(LeadChanges.none().with(LeadField.DID_OPT_OUT, true), T1, PHONES);
        assertEquals(T1, out.optOutAt());
        assertEquals(LeadStatus.OPTED_OUT, out.status(List.of()));
        Lead back = out.apply(LeadChanges.none().with(LeadField.DID_OPT_OUT, false), T1.plusSeconds(1), PHONES);
        assertNull(back.optOutAt());
        assertThrows(ValidationException.class, () -> john().apply(LeadChanges.none().with(LeadField.IS_TEST, null),
                T1, PHONES));
    }

    @Test
    void markCompletedKeepsTheFirstTime() {
        Lead done = john().markCompleted(T1);
        assertEquals(T1, done.markCompleted(T1.plusSeconds(5)).completedAt());
    }

    @Test
    void copiesChangeOnlyTheirOwnField() {
        Lead lead = john();
        Lead done = lead.markCompleted(T1);
        assertEquals(T1, done.completedAt());
        assertEquals(lead.updatedAt(), done.updatedAt(), "completing is not an edit");
        assertEquals(lead, new Lead(done.workspaceId(), done.id(), done.firstName(), done.middleName(),
                done.lastName(), done.email(), done.phoneNumber(), done.businessName(), done.website(),
                done.externalLeadId(), done.timezone(), done.source(), done.isTest(), done.assigneeType(),
                done.didOptOut(), done.optOutAt(), done.emailVerifiedAt(), done.phoneVerifiedAt(), done.tags(),
                done.explicitStatus(), done.activitySummary(), done.externalPortalLink(), done.submittedAt(),
                lead.completedAt(), done.createdAt(), done.updatedAt(), done.deletedAt()));
        Lead touched = done.touched(T1.plusSeconds(5));
        assertEquals(T1.plusSeconds(5), touched.updatedAt());
        assertEquals(T1, touched.completedAt());
        assertEquals(done.createdAt(), touched.createdAt());
        Lead renamed = touched.apply(LeadChanges.none().with(LeadField.LAST_NAME, "Dough"), T1.plusSeconds(9), PHONES);
        assertEquals(T1, renamed.completedAt(), "an edit keeps the first completion");
        assertEquals(T1.plusSeconds(9), renamed.updatedAt());
        assertSame(renamed, renamed.apply(LeadChanges.none().with(LeadField.LAST_NAME, "Dough"), T1.plusSeconds(20),
                PHONES));
    }

    @Test
    void changedFieldsNameTheChangedPropertiesAndTheComputedStatus() {
        Lead before = john();
        Lead after = before.apply(LeadChanges.none().with(LeadField.STATUS, "COMPLETED")
                .with(LeadField.LAST_NAME, "Dough"), T1, PHONES);
        List<String> changes = LeadEvent.changedFields(before, LeadStatus.IN_PROGRESS, after, LeadStatus.COMPLETED);
        assertEquals(List.of("lastName", "status"), changes); // the body that carries them: WebhookPayloadsTest
    }

    /** The field rules need no lead: an update that names none is still told about each bad field. */
    @Test
    void changeErrorsJudgeEveryFieldWithoutALead() {
        LeadChanges bad = LeadChanges.none().with(LeadField.FIRST_NAME, null).with(LeadField.EMAIL, "nope")
                .with(LeadField.PHONE_NUMBER, "12345").with(LeadField.LAST_NAME, "Doe");
        assertEquals(List.of("firstName", "email", "phoneNumber"), Lead.changeErrors(bad, PHONES).stream()
                .map(dev.activityhub.domain.shared.FieldError::field).toList());
        assertEquals(List.of(), Lead.changeErrors(LeadChanges.none().with(LeadField.EMAIL, "a@b.co"), PHONES));
    }
}
