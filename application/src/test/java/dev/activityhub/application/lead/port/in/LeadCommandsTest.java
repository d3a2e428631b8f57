package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.Page;
import dev.activityhub.application.lead.port.in.RecordCustomActivityUseCase.RecordCustomActivityCommand;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase.UpdateLeadCommand;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeadCommandsTest {
    private static final UUID WS = UUID.randomUUID();

    @Test
    void activityCommandReportsEveryMissingField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new RecordCustomActivityCommand(WS, null, " ", null, null, null));
        assertEquals(List.of("leadId", "eventType", "title"), e.errors().stream().map(FieldError::field).toList());
        RecordCustomActivityCommand ok = new RecordCustomActivityCommand(WS, UUID.randomUUID(), " sales_call ", " Call ", null, null);
        assertEquals("sales_call", ok.eventType());
        assertEquals("Call", ok.title());
    }

    /** The domain's rules too (description, metadata), so no second 400 follows a fixed first. */
    @Test
    void activityCommandReportsTheDomainRulesAlongside() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new RecordCustomActivityCommand(WS, null, "e", " ", "d".repeat(20_001), null));
        assertEquals(List.of("leadId", "title", "description"), e.errors().stream().map(FieldError::field).toList());
        FieldError tooLong = e.errors().get(2);
        assertEquals(Rule.TOO_LONG, tooLong.rule());
        assertEquals(20_000L, tooLong.limit());
    }

    /**
     * A missing lead id is the use case's to report (with the fields it can judge without the lead, see
     * LeadUseCasesTest.updateNeedsALeadIdAndNamesItWithTheBadFields); the command keeps what the adapter could
     * not read.
     */
    @Test
    void updateCarriesWhatCouldNotBeRead() {
        FieldError unread = new FieldError("isTest", "type_error", "isTest must be a boolean", "\"yes\"");
        UpdateLeadCommand command = new UpdateLeadCommand(WS, null, LeadChanges.none(), null, List.of(unread));
        assertEquals(List.of(unread), command.inputErrors());
        assertEquals(List.of(), new UpdateLeadCommand(WS, UUID.randomUUID(), LeadChanges.none(), null).inputErrors());
    }

    @Test
    void pageQueryDefaultsAndBounds() {
        PageQuery defaults = PageQuery.of(null, null);
        assertEquals(1, defaults.page());
        assertEquals(20, defaults.limit());
        assertEquals(40, PageQuery.of(3, 20).offset());
        ValidationException e = assertThrows(ValidationException.class, () -> PageQuery.of(0, 0));
        assertEquals(List.of("page", "limit"), e.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> PageQuery.of(1, 101));
        assertEquals(100, PageQuery.of(1, 100).limit());
    }

    @Test
    void pageArithmetic() {
        Page<String> page = new Page<>(List.of("a", "b"), 2, 2, 5);
        assertEquals(3, page.totalPages());
        assertEquals(true, page.hasMore());
        assertEquals(false, new Page<>(List.of("e"), 3, 2, 5).hasMore());
        assertEquals(0, new Page<>(List.of(), 1, 20, 0).totalPages());
    }
}
