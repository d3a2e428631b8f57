package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.activityhub.domain.lead.ChecklistItemStatus.COMPLETED;
import static dev.activityhub.domain.lead.ChecklistItemStatus.NEEDS_REVIEW;
import static dev.activityhub.domain.lead.ChecklistItemStatus.SKIPPED;
import static dev.activityhub.domain.lead.ChecklistItemStatus.TODO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadStatusTest {
    private static ChecklistItemState item(ChecklistItemStatus status, boolean required) {
        return new ChecklistItemState("c-" + status + required, status, required);
    }

    @Test
    void optOutWinsOverEverything() {
        assertEquals(LeadStatus.OPTED_OUT, LeadStatus.of(true, LeadStatus.COMPLETED, true, List.of(item(NEEDS_REVIEW, true))));
    }

    @Test
    void explicitStatusWinsOverTheChecklist() {
        assertEquals(LeadStatus.NOT_INTERESTED, LeadStatus.of(false, LeadStatus.NOT_INTERESTED, false, List.of(item(NEEDS_REVIEW, true))));
        assertEquals(LeadStatus.IN_PROGRESS, LeadStatus.of(false, LeadStatus.IN_PROGRESS, true, List.of(item(COMPLETED, true))));
    }

    @Test
    void anyItemNeedingReviewMeansReview() {
        assertEquals(LeadStatus.REVIEW, LeadStatus.of(false, null, true, List.of(item(COMPLETED, true), item(NEEDS_REVIEW, false))));
    }

    @Test
    void completedOnceSubmittedWithEveryRequiredItemCompletedOrSkipped() {
        assertEquals(LeadStatus.COMPLETED,
                LeadStatus.of(false, null, true, List.of(item(COMPLETED, true), item(SKIPPED, true), item(TODO, false))));
        assertEquals(LeadStatus.IN_PROGRESS,
                LeadStatus.of(false, null, true, List.of(item(COMPLETED, true), item(TODO, true))));
        assertEquals(LeadStatus.COMPLETED, LeadStatus.of(false, null, true, List.of()));
    }

    @Test
    void aCompleteChecklistOfALeadNotSubmittedIsStillInProgressAsInSeed003() {
        // Seed 003: the only checklist item is required and COMPLETED, submittedAt is null -> IN_PROGRESS.
        assertEquals(LeadStatus.IN_PROGRESS, LeadStatus.of(false, null, false, List.of(item(COMPLETED, true))));
        assertEquals(LeadStatus.IN_PROGRESS,
                LeadStatus.of(false, null, false, List.of(item(COMPLETED, true), item(SKIPPED, true))));
    }

    @Test
    void noRequiredItemsAndNotSubmittedIsInProgress() {
        assertEquals(LeadStatus.IN_PROGRESS, LeadStatus.of(false, null, false, List.of()));
        assertEquals(LeadStatus.IN_PROGRESS, LeadStatus.of(false, null, false, List.of(item(COMPLETED, false))));
    }

    @Test
    void reviewCannotBeSetAndUnknownValuesAreRejected() {
        ValidationException review = assertThrows(ValidationException.class, () -> LeadStatus.parseSettable("status", "REVIEW"));
        assertTrue(review.getMessage().contains("REVIEW"));
        assertThrows(ValidationException.class, () -> LeadStatus.parseSettable("status", "done"));
        assertEquals(LeadStatus.NOT_INTERESTED, LeadStatus.parseSettable("status", "NOT_INTERESTED"));
        assertNull(LeadStatus.parseSettable("status", null));
    }
}
