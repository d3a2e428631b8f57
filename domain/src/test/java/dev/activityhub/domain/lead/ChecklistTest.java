package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field types, conditions, the checklist rules and download signatures. */
class ChecklistTest {
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
    private static final UUID WS = new UUID(1, 1);
    private static final UUID LEAD = new UUID(1, 2);
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00Z");
    private final AtomicLong ids = new AtomicLong(100);

    private UUID id() {
        return new UUID(7, ids.incrementAndGet());
    }

    private ChecklistItemDefinition def(String code, String type, boolean required, Map<String, Object> conditions,
                                        Map<String, Object> rules) {
        return ChecklistItemDefinition.define("", id(), code, code + " label", type, required, conditions, rules);
    }

    private String normalise(String type, Map<String, Object> rules, String raw) {
        return def("x", type, false, null, rules).normalise("v", raw, PHONES);
    }

    private void rejects(String type, Map<String, Object> rules, String raw) {
        ValidationException e = assertThrows(ValidationException.class, () -> normalise(type, rules, raw));
        assertEquals("x", e.errors().get(0).context(), e.getMessage()); // neutral: the adapter names item 'x
    }

    @Test
    void eachFieldTypeValidatesAndNormalises() {
        assertEquals("a@b.co", normalise("EMAIL", null, "A@B.co"));
        rejects("EMAIL", null, "nope");
        assertEquals("+16782319992", normalise("PHONE", null, "678.231.9992"));
        assertEquals("+442071234567", normalise("PHONE", null, "+44 20 7123 4567"));
        rejects("PHONE", null, "123");
        assertEquals("+442079460958", def("x", "PHONE", false, null, null)
                .normalise("v", "020 7946 0958", PhoneNumbers.withDefaultRegion("GB")), "read in the default region");
        assertEquals("2024-02-29", normalise("DATE", null, "2024-02-29"));
        rejects("DATE", null, "2023-02-29");
        rejects("DATE", null, "02/01/2024");
        assertEquals("12.5", normalise("NUMBER", null, "12.50"));
        assertEquals("-3", normalise("NUMBER", null, "-3"));
        rejects("NUMBER", null, "1,000");
        rejects("NUMBER", Map.of("min", 0), "-1");
        rejects("NUMBER", Map.of("max", 10), "11");
        assertEquals("12-3456789", normalise("EIN", null, "12-3456789"));
        assertEquals("12-3456789", normalise("EIN", null, "123456789"));
        rejects("EIN", null, "1-23456789");
        rejects("EIN", null, "12345678");
        assertEquals("yes", normalise("SELECT", Map.of("options", List.of("yes", "no")), "yes"));
        rejects("SELECT", Map.of("options", List.of("yes", "no")), "Yes");
        assertEquals("hello", normalise("TEXT", null, "hello"));
        rejects("TEXT", Map.of("maxLength", 3), "hello");
        rejects("TEXT", Map.of("minLength", 6), "hello");
        assertEquals("1 Main St", normalise("ADDRESS", null, "1 Main St"));
        assertEquals("done", normalise("TOOL", null, "done"));
        for (String fileType : List.of("BANK_STATEMENT", "FILE", "ID", "TAX_RETURN")) {
            assertTrue(FieldType.valueOf(fileType).isFileLike());
            rejects(fileType, null, "file.pdf");
        }
        assertFalse(FieldType.TEXT.isFileLike());
    }

    @Test
    void definitionsAreValidatedWhole() {
        ValidationException e = assertThrows(ValidationException.class, () -> ChecklistItemDefinition.define("g.",
                id(), "bad code!", " ", "COLOUR", null, Map.of("when", 1), null));
        assertEquals(List.of("g.code", "g.label", "g.fieldType", "g.conditions"),
                e.errors().stream().map(err -> err.field()).toList());
        assertThrows(ValidationException.class, () -> def("s", "SELECT", true, null, null));
        assertThrows(ValidationException.class, () -> def("t", "TEXT", true, null, Map.of("maxLength", "ten")));
        assertFalse(def("t", "TEXT", false, null, Map.of("hint", "free")).isRequired());

        ValidationException rules = assertThrows(ValidationException.class,
                () -> def("s", "SELECT", true, null, Map.of("minLength", -1, "max", "ten")));
        assertEquals(List.of(Rule.RULES_NEED_OPTIONS, Rule.RULES_NOT_LENGTH, Rule.RULES_NOT_NUMBER),
                rules.errors().stream().map(err -> err.rule()).toList(), "every unusable rule in one answer");
    }

    @Test
    void conditionsParseAndHold() {
        ChecklistCondition equals = ChecklistCondition.parse("c", Map.of("showWhen", Map.of("code", "a", "equals", "yes")));
        assertTrue(equals.holds(Map.of("a", "yes")));
        assertFalse(equals.holds(Map.of("a", "no")));
        assertFalse(equals.holds(Map.of()));
        ChecklistCondition has = ChecklistCondition.parse("c", Map.of("showWhen", Map.of("code", "a", "hasValue", true)));
        assertTrue(has.holds(Map.of("a", "x")));
        assertFalse(has.holds(Map.of()));
        ChecklistCondition empty = ChecklistCondition.parse("c", Map.of("showWhen", Map.of("code", "a", "hasValue", false)));
        assertTrue(empty.holds(Map.of()));
        assertNull(ChecklistCondition.parse("c", null));
        assertThrows(ValidationException.class, () -> ChecklistCondition.parse("c",
                Map.of("showWhen", Map.of("code", "a", "equals", "y", "hasValue", true))));
        assertThrows(ValidationException.class, () -> ChecklistCondition.parse("c",
                Map.of("showWhen", Map.of("code", "a", "matches", "y"))));
        assertThrows(ValidationException.class, () -> ChecklistCondition.parse("c", Map.of("hideWhen", Map.of())));
    }

    private ChecklistTemplate template() {
        return new ChecklistTemplate(List.of(
                new ChecklistGroup(id(), "Business", null, List.of(
                        def("name", "TEXT", true, null, null),
                        def("has_ein", "SELECT", true, null, Map.of("options", List.of("yes", "no"))),
                        def("ein", "EIN", true, Map.of("showWhen", Map.of("code", "has_ein", "equals", "yes")), null))),
                new ChecklistGroup(id(), "Docs", null, List.of(def("bank", "BANK_STATEMENT", true, null, null)))));
    }

    private LeadChecklist fresh() {
        return LeadChecklist.fromTemplate(WS, LEAD, template(), this::id, T0);
    }

    private static ChecklistValue value(String code, String value) {
        return new ChecklistValue(code, true, value, null);
    }

    private static ChecklistValue status(String code, String status) {
        return new ChecklistValue(code, false, null, status);
    }

    @Test
    void templatesRejectDuplicateCodesAndDanglingConditions() {
        ChecklistItemDefinition a = def("a", "TEXT", false, null, null);
        assertThrows(ValidationException.class, () -> new ChecklistTemplate(List.of(
                new ChecklistGroup(id(), "G", null, List.of(a, def("a", "TEXT", false, null, null))))));
        assertThrows(ValidationException.class, () -> new ChecklistTemplate(List.of(
                new ChecklistGroup(id(), "G", null, List.of(a)), new ChecklistGroup(id(), "G", null, List.of()))));
        assertThrows(ValidationException.class, () -> new ChecklistTemplate(List.of(new ChecklistGroup(id(), "G", null,
                List.of(def("b", "TEXT", false, Map.of("showWhen", Map.of("code", "zz", "hasValue", true)), null))))));
        assertEquals(4, template().items().size());
    }

    @Test
    void newLeadsGetEveryTemplateItemAsTodo() {
        LeadChecklist checklist = fresh();
        assertEquals(List.of("name", "has_ein", "ein", "bank"),
                checklist.items().stream().map(LeadChecklistItem::code).toList());
        assertTrue(checklist.items().stream().allMatch(i -> i.status() == ChecklistItemStatus.TODO));
        assertEquals("Docs", checklist.find("bank").groupName());
    }

    @Test
    void valuesCompleteItemsClearingReturnsToTodoAndExplicitStatusesWin() {
        LeadChecklist c = fresh().apply(List.of(value("name", " Acme "), status("bank", "SKIPPED")), T0, PHONES);
        assertEquals("Acme", c.find("name").value());
        assertEquals(ChecklistItemStatus.COMPLETED, c.find("name").status());
        assertEquals(ChecklistItemStatus.SKIPPED, c.find("bank").status());
        c = c.apply(List.of(value("name", "")), T0, PHONES);
        assertNull(c.find("name").value());
        assertEquals(ChecklistItemStatus.TODO, c.find("name").status());
        c = c.apply(List.of(new ChecklistValue("name", true, "Acme", "NEEDS_REVIEW")), T0, PHONES);
        assertEquals(ChecklistItemStatus.NEEDS_REVIEW, c.find("name").status());
        LeadChecklist before = c;
        assertThrows(ValidationException.class, () -> before.apply(List.of(status("has_ein", "COMPLETED")),
                T0, PHONES));
        assertThrows(ValidationException.class, () -> before.apply(List.of(status("name", "INVALID")), T0, PHONES));
        assertThrows(ValidationException.class, () -> before.apply(List.of(value("name", "a"), value("name", "b")),
                T0, PHONES));
    }

    @Test
    void oneInvalidEntryRejectsTheWholeRequestWithEveryError() {
        ValidationException e = assertThrows(ValidationException.class, () -> fresh().apply(List.of(
                value("name", "ok"), value("has_ein", "maybe"), value("nope", "x"), value("bank", "file.pdf")),
                        T0, PHONES));
        assertEquals(List.of("checklistItems.1.value", "checklistItems.2.code", "checklistItems.3.value"),
                e.errors().stream().map(err -> err.field()).toList());
        assertEquals("has_ein", e.errors().get(0).context(), e.getMessage()); // the item the answer is for
    }

    @Test
    void hiddenItemsAreNotRequiredAndTheStatusRuleSeesOnlyVisibleOnes() {
        LeadChecklist c = fresh().apply(List.of(value("name", "Acme"), value("has_ein", "no")), T0, PHONES);
        assertFalse(c.isVisible(c.find("ein")));
        assertEquals(List.of("name", "has_ein", "bank"), c.states().stream().map(ChecklistItemState::code).toList());
        assertEquals(LeadStatus.IN_PROGRESS, LeadStatus.of(false, null, true, c.states()));
        c = c.withUpload(c.find("bank").id(), "statement.pdf", T0);
        assertEquals("statement.pdf", c.find("bank").value());
        assertEquals(LeadStatus.COMPLETED, LeadStatus.of(false, null, true, c.states()));
        c = c.apply(List.of(value("has_ein", "yes")), T0, PHONES);
        assertTrue(c.isVisible(c.find("ein")));
        assertEquals(LeadStatus.IN_PROGRESS, LeadStatus.of(false, null, true, c.states()));
        c = c.apply(List.of(new ChecklistValue("ein", true, "12-3456789", "NEEDS_REVIEW")), T0, PHONES);
        assertEquals(LeadStatus.REVIEW, LeadStatus.of(false, null, true, c.states()));
    }

    @Test
    void changedSinceListsOnlyWhatChangedAndLeadSpecificCodesAreUnique() {
        LeadChecklist before = fresh();
        LeadChecklist after = before.apply(List.of(value("name", "Acme")), T0, PHONES);
        assertEquals(List.of("name"), after.changedSince(before).stream().map(LeadChecklistItem::code).toList());
        assertSame(before.find("ein"), before.apply(List.of(value("name", "x")), T0, PHONES).find("ein"));
        LeadChecklistItem extra = new LeadChecklistItem(WS, id(), LEAD, null, LeadChecklistItem.LEAD_SPECIFIC_GROUP,
                null, before.nextPosition(), def("extra", "TEXT", true, null, null), null, ChecklistItemStatus.TODO,
                null, true, T0);
        assertEquals(5, before.withItem(extra).items().size());
        LeadChecklistItem clash = new LeadChecklistItem(WS, id(), LEAD, null, LeadChecklistItem.LEAD_SPECIFIC_GROUP,
                null, 9, def("name", "TEXT", true, null, null), null, ChecklistItemStatus.TODO, null, true, T0);
        assertThrows(ValidationException.class, () -> before.withItem(clash));
    }

    @Test
    void hmacMatchesTheJdkImplementation() throws Exception {
        byte[] key = HexFormat.of().parseHex("0b".repeat(20));
        byte[] message = "Hi There".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertArrayEquals(mac.doFinal(message), DownloadSignature.hmacSha256(key, message));
        byte[] longKey = new byte[100];
        mac.init(new SecretKeySpec(longKey, "HmacSHA256"));
        assertArrayEquals(mac.doFinal(message), DownloadSignature.hmacSha256(longKey, message));
    }

    @Test
    void signaturesBindDocumentWorkspaceAndExpiry() {
        String secret = "ab".repeat(32);
        UUID doc = id();
        long expires = T0.plusSeconds(3600).getEpochSecond();
        String sig = DownloadSignature.sign(secret, WS, doc, expires);
        assertTrue(DownloadSignature.verify(secret, WS, doc, expires, sig, T0));
        assertFalse(DownloadSignature.verify(secret, WS, doc, expires, sig, T0.plusSeconds(3600)));
        assertFalse(DownloadSignature.verify(secret, WS, doc, expires + 1, sig, T0));
        assertFalse(DownloadSignature.verify(secret, WS, id(), expires, sig, T0));
        assertFalse(DownloadSignature.verify(secret, LEAD, doc, expires, sig, T0));
        assertFalse(DownloadSignature.verify("cd".repeat(32), WS, doc, expires, sig, T0));
        assertFalse(DownloadSignature.verify(secret, WS, doc, expires, null, T0));
        List<String> chars = new ArrayList<>();
        sig.chars().forEach(ch -> chars.add(String.valueOf((char) ch)));
        assertTrue(chars.stream().noneMatch(ch -> ch.equals("+") || ch.equals("/") || ch.equals("=")));
    }

    @Test
    void filenamesAndMimeTypesAreCleaned() {
        assertEquals("passwd", Document.cleanFilename("../../etc/passwd"));
        assertEquals("scan.pdf", Document.cleanFilename("C:\\Users\\me\\scan.pdf"));
        assertEquals("upload", Document.cleanFilename(" "));
        assertEquals("application/pdf", Document.cleanMimeType("application/pdf"));
        assertEquals(Document.DEFAULT_MIME_TYPE, Document.cleanMimeType("not a type"));
        assertEquals(Document.DEFAULT_MIME_TYPE, Document.cleanMimeType(null));
    }
}
