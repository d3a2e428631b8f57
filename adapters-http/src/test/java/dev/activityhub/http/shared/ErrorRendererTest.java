package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each family's words for each neutral rule: the sentences its endpoints have always answered. */
class ErrorRendererTest {
    private static final ErrorRenderer LEADS = ErrorRenderer.of(ApiFamily.LEADS);
    private static final ErrorRenderer COMMERCE = ErrorRenderer.of(ApiFamily.COMMERCE);
    private static final ErrorRenderer ACTION_ITEMS = ErrorRenderer.of(ApiFamily.ACTION_ITEMS);

    @Test
    void leadsWords() {
        assertEquals("title is required", LEADS.words(FieldError.of("title", Rule.REQUIRED, null)));
        assertEquals("title must be at most 500 characters", LEADS.words(FieldError.of("title", Rule.TOO_LONG, 500, "t")));
        assertEquals("page must be at least 1", LEADS.words(FieldError.of("page", Rule.TOO_SMALL, 1, 0)));
        assertEquals("limit must be between 1 and 100", LEADS.words(FieldError.outOfRange("limit", 1, 100, 0)));
        assertEquals("leadChecklistItemId must be a UUID", LEADS.words(FieldError.of("leadChecklistItemId", Rule.NOT_UUID, "x")));
        assertEquals("scheduledAt must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z",
                LEADS.words(FieldError.of("scheduledAt", Rule.NOT_DATETIME, "x")));
        assertEquals("metadata must not nest more than 32 levels of objects and arrays",
                LEADS.words(FieldError.of("metadata", Rule.JSON_TOO_DEEP, 32, null)));
        assertEquals("metadata must be at most 65536 characters of JSON",
                LEADS.words(FieldError.of("metadata", Rule.JSON_TOO_LARGE, 65536, null)));
        assertEquals("body must not contain NUL characters", LEADS.words(FieldError.of("", Rule.NUL_CHARACTER, null)));
        assertEquals("channel must be one of EMAIL, SMS",
                LEADS.words(FieldError.notOneOf("channel", List.of("EMAIL", "SMS"), "FAX")));
        assertEquals("page must be an integer", LEADS.words(FieldError.of("page", Rule.NOT_INTEGER, "x")));
        assertEquals("said as written", LEADS.words(new FieldError("f", "custom", "said as written", null)));
    }

    @Test
    void commerceWords() {
        assertEquals("reason should not be empty", COMMERCE.words(FieldError.of("reason", Rule.REQUIRED, null)));
        assertEquals("reason must be shorter than or equal to 500 characters",
                COMMERCE.words(FieldError.of("reason", Rule.TOO_LONG, 500, "r")));
        assertEquals("score must not be less than 0", COMMERCE.words(FieldError.of("score", Rule.TOO_SMALL, 0, -1)));
        assertEquals("limit must not be less than 1", COMMERCE.words(FieldError.outOfRange("limit", 1, 100, 0)));
        assertEquals("limit must not be greater than 100", COMMERCE.words(FieldError.outOfRange("limit", 1, 100, 101)));
        assertEquals("scheduled_at must be a valid ISO 8601 date string",
                COMMERCE.words(FieldError.of("scheduled_at", Rule.NOT_DATETIME, "x")));
        assertEquals("commerce_id must be a UUID", COMMERCE.words(FieldError.of("commerce_id", Rule.NOT_UUID, "x")));
        assertEquals("type must be one of the following values: TASK, MESSAGE",
                COMMERCE.words(FieldError.notOneOf("type", List.of("TASK", "MESSAGE"), "X")));
        assertEquals("page must be an integer number", COMMERCE.words(FieldError.of("page", Rule.NOT_INTEGER, "x")));
    }

    /** The commerce API's words for the rules its catalog, batches and references raise, as it has always said them. */
    @Test
    void commerceWordsForItsOwnRules() {
        assertEquals("commerces must contain no more than 500 elements",
                COMMERCE.words(FieldError.of("commerces", Rule.TOO_MANY, 500, 501)));
        assertEquals("commerces.2.external_id appears more than once in the batch",
                COMMERCE.words(FieldError.of("commerces.2.external_id", Rule.DUPLICATE, null, "D")));
        assertEquals("attribute_keys.100.key 'k3' is already listed at attribute_keys.3",
                COMMERCE.words(FieldError.of("attribute_keys.100.key", Rule.DUPLICATE, 3, "k3")));
        assertEquals("attribute_keys.1 'tax_id' is not a known attribute key; known keys: commerce_info, promo",
                COMMERCE.words(FieldError.listing("attribute_keys.1", Rule.NOT_IN_CATALOG, List.of("commerce_info", "promo"), "tax_id")));
        assertEquals("attributes must provide a value (or a fallback) for the caller-provided attribute key 'promo'",
                COMMERCE.words(FieldError.of("attributes", Rule.MISSING_ENTRY, "promo")));
        assertEquals("attribute_keys.1.key must start with a letter and contain only letters, digits, '_', '.' or '-'"
                + " (at most 64 characters)", COMMERCE.words(FieldError.of("attribute_keys.1.key", Rule.NOT_A_KEY, 64, "9")));
        assertEquals("attribute_keys.3.source must be one of the following values: commerce_info, owner"
                        + " (the commerce data a ON_DISPATCH key is read from)",
                COMMERCE.words(FieldError.listing("attribute_keys.3.source", Rule.NOT_A_SOURCE,
                        List.of("commerce_info", "owner"), "ON_DISPATCH", null)));
        assertEquals("attributes.2.value or attributes.2.fallback must be provided",
                COMMERCE.words(FieldError.listing("attributes.2.value", Rule.REQUIRED_ANY, List.of("fallback"), null)));
        assertEquals("completed_by does not name a user of this tenant",
                COMMERCE.words(FieldError.of("completed_by", Rule.UNKNOWN_USER, "u")));
        assertEquals("type must be TASK on this endpoint",
                COMMERCE.words(FieldError.listing("type", Rule.MUST_EQUAL, List.of("TASK"), "MESSAGE")));
        assertEquals("At least one of name, tax_id must be provided",
                COMMERCE.words(FieldError.listing("", Rule.AT_LEAST_ONE, List.of("name", "tax_id"), null)));
    }

    /** Every family words every rule: none falls back to a log description. */
    @Test
    void everyFamilyWordsEveryNeutralRule() {
        for (ErrorRenderer renderer : List.of(LEADS, COMMERCE, ACTION_ITEMS)) {
            for (Rule rule : Rule.values()) {
                if (rule == Rule.WORDED) {
                    continue;
                }
                FieldError error = switch (rule) {
                    case OUT_OF_RANGE -> FieldError.outOfRange("items.1.f", 1, 9, 0);
                    case NOT_ONE_OF, NOT_IN_CATALOG, NOT_A_SOURCE, REQUIRED_ANY, MUST_EQUAL, AT_LEAST_ONE, UNKNOWN_EVENT,
                         NOT_A_SCOPE, WRONG_PREFIX, TOO_MANY_TOGETHER, NOT_A_FIELD_TYPE, NOT_A_STATUS, ANSWER_NOT_OPTION,
                         ANSWER_BELOW, ANSWER_ABOVE, ANSWER_FROM_UPLOAD, EXACTLY_ONE, CLOCK_OUT_OF_RANGE ->
                            FieldError.listing("items.1.f", rule, List.of("a", "b"), "c", "x");
                    case NOT_A_SECRET -> FieldError.between("items.1.f", rule, 24, 64, null);
                    case FORBIDDEN_DESTINATION, EMPTY_LIST, NOT_AFTER, USER_REQUIRED, NOT_A_PHONE, NO_VALUE, COMPUTED,
                         BACKWARDS ->
                            FieldError.about("items.1.f", rule, "c", "x");
                    default -> FieldError.of("items.1.f", rule, 2, "x");
                };
                String words = renderer.words(error);
                assertEquals(false, words.contains(rule.name()), renderer + " " + rule + ": " + words);
            }
        }
        assertEquals("attributes.2.value or attributes.2.fallback is required",
                LEADS.words(FieldError.listing("attributes.2.value", Rule.REQUIRED_ANY, List.of("fallback"), null)));
        assertEquals("userId does not name a user of this workspace",
                LEADS.words(FieldError.of("userId", Rule.UNKNOWN_USER, "u")));
        assertEquals("At least one field must be provided",
                ACTION_ITEMS.words(FieldError.listing("", Rule.AT_LEAST_ONE, List.of("description", "completed"), null)));
    }

    @Test
    void actionItemsWords() {
        assertEquals("description is required", ACTION_ITEMS.words(FieldError.of("description", Rule.REQUIRED, null)));
        assertEquals("description must have at least 1 character",
                ACTION_ITEMS.words(FieldError.of("description", Rule.TOO_SHORT, 1, "")));
        assertEquals("action_items[1].description must have at most 500 characters",
                ACTION_ITEMS.words(FieldError.of("action_items.1.description", Rule.TOO_LONG, 500, "d")));
        assertEquals("q must not contain NUL characters", ACTION_ITEMS.words(FieldError.of("query.q", Rule.NUL_CHARACTER, null)));
        assertEquals("Value error, must not contain NUL characters",
                ACTION_ITEMS.words(FieldError.of("", Rule.NUL_CHARACTER, null)));
    }

    /** Every field, in every shape: seed 001's one-string detail names them all in that string. */
    @Test
    void bodiesCarryEveryFieldTheirShapeCan() {
        ValidationException two = new ValidationException(List.of(FieldError.of("leadId", Rule.REQUIRED, null),
                FieldError.of("title", Rule.TOO_LONG, 500, "t")));
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) LEADS.validationBody(400, two)).get("error");
        assertEquals("leadId is required; title must be at most 500 characters", error.get("message"));
        assertEquals(2, ((List<?>) error.get("details")).size());
        assertEquals(List.of("leadId should not be empty", "title must be shorter than or equal to 500 characters"),
                ((Map<?, ?>) COMMERCE.validationBody(400, two)).get("message"));
        assertEquals(Map.of("detail", "Validation error: leadId is required; title must have at most 500 characters"),
                ACTION_ITEMS.validationBody(422, two));
    }

    /** A missing grant: the action items vendor names the scope its way; the others keep the core's sentence. */
    @Test
    void forbiddenIsWordedByTheFamily() {
        ForbiddenException missing = new ForbiddenException("FORBIDDEN", "Missing required permission: action_items:write",
                "action_items:write");
        assertEquals(Map.of("detail", "Insufficient permissions. Required scope: action_items:write"),
                ACTION_ITEMS.forbiddenBody(403, missing));
        assertEquals(Map.of("detail", "Not yours"),
                ACTION_ITEMS.forbiddenBody(403, new ForbiddenException("FORBIDDEN", "Not yours", null)));
        assertEquals("Missing required permission: action_items:write",
                ((Map<?, ?>) COMMERCE.forbiddenBody(403, missing)).get("message"));
    }

    /**
     * The webhook, identity, checklist, document and message rules their cores used to word, in the leads family's
     * words: the sentences those endpoints have always answered (LeadsValidationMessagesTest pins them on the wire).
     */
    @Test
    void leadsWordsTheWebhookIdentityChecklistAndReferenceRules() {
        assertEquals("url must be a valid URL", LEADS.words(FieldError.of("url", Rule.NOT_A_URL, "x")));
        assertEquals("url must use http or https", LEADS.words(FieldError.of("url", Rule.NOT_HTTP, "ftp://x")));
        assertEquals("url must name a host", LEADS.words(FieldError.of("url", Rule.NO_HOST, "http:///p")));
        assertEquals("url must not contain credentials", LEADS.words(FieldError.of("url", Rule.HAS_CREDENTIALS, null)));
        assertEquals("url is not allowed: the destination is not allowed", LEADS.words(FieldError.about("url",
                Rule.FORBIDDEN_DESTINATION, "the destination is not allowed", "http://10.0.0.1")));
        assertEquals("secret must be 'whsec_' followed by base64 of 24 to 64 random bytes",
                LEADS.words(FieldError.between("secret", Rule.NOT_A_SECRET, 24, 64, null)));
        assertEquals("secret must differ from the current secret", LEADS.words(FieldError.of("secret", Rule.UNCHANGED, null)));
        assertEquals("events must list at least one event",
                LEADS.words(FieldError.about("events", Rule.EMPTY_LIST, "event", List.of())));
        assertEquals("Unknown event 'nope'. Known events: lead.created, lead.updated", LEADS.words(
                FieldError.listing("events.0", Rule.UNKNOWN_EVENT, List.of("lead.created", "lead.updated"), "nope")));
        assertEquals("until must be after since", LEADS.words(FieldError.about("query.until", Rule.NOT_AFTER, "since", "t")));
        assertEquals("until must be after since", LEADS.words(FieldError.about("until", Rule.NOT_AFTER, "since", "t")));
        assertEquals("status must be one of PENDING, FAILED",
                LEADS.words(FieldError.notOneOf("query.status", List.of("PENDING", "FAILED"), "X")));
        assertEquals("limit must be between 1 and 100", LEADS.words(FieldError.outOfRange("query.limit", 1, 100, 0)));
        assertEquals("query.since must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z",
                LEADS.words(FieldError.of("query.since", Rule.NOT_DATETIME, "x")), "as it has always said");
        assertEquals("since may be at most 14 days ago", LEADS.words(FieldError.of("since", Rule.TOO_FAR_BACK, 14, "t")));
        assertEquals("a DEVELOPER key must act as a user: userId is required",
                LEADS.words(FieldError.about("userId", Rule.USER_REQUIRED, "DEVELOPER", null)));
        assertEquals("unknown scope 'x' for a TENANT key; allowed: [A, B]",
                LEADS.words(FieldError.listing("scopes", Rule.NOT_A_SCOPE, List.of("A", "B"), "TENANT", "x")));
        assertEquals("a TENANT key must start with rtn_sk_",
                LEADS.words(FieldError.listing("key", Rule.WRONG_PREFIX, List.of("rtn_sk_"), "TENANT", null)));
        assertEquals("documentIds names no document of this lead: d-1",
                LEADS.words(FieldError.of("documentIds.3", Rule.UNKNOWN_DOCUMENT, "d-1")));
        assertEquals("parentActionId names no action log of this lead: a-1",
                LEADS.words(FieldError.of("parentActionId", Rule.UNKNOWN_ACTION_LOG, "a-1")));
        assertEquals("leadChecklistItemId does not name a checklist item of this lead",
                LEADS.words(FieldError.of("leadChecklistItemId", Rule.UNKNOWN_ITEM, "i-1")));
        assertEquals("A message may carry at most 10 attachments and documentIds together; got 11", LEADS.words(
                FieldError.tooManyTogether("attachments", List.of("attachments", "documentIds"), 10, 11)));
        assertEquals("An e-mail may carry at most 10 attachments; got 12",
                LEADS.words(FieldError.of("Attachments", Rule.TOO_MANY_ATTACHMENTS, 10, 12)));
        assertEquals("conditions must be null or {\"showWhen\": {\"code\": \"<item code>\", \"equals\": \"<value>\"}}"
                + " or {\"showWhen\": {\"code\": \"<item code>\", \"hasValue\": true|false}}",
                LEADS.words(FieldError.of("conditions", Rule.NOT_A_CONDITION, null)));
        assertEquals("phoneNumber must be a valid phone number: +<country code><number>, or a number of the default"
                + " region (MX) without a country code", LEADS.words(FieldError.about("phoneNumber", Rule.NOT_A_PHONE, "MX", "1")));
        assertEquals("code must be 1 to 100 letters, digits, '_', '.' or '-'",
                LEADS.words(FieldError.of("code", Rule.NOT_A_CODE, 100, "a b")));
        assertEquals("Unknown checklist item code 'x'", LEADS.words(FieldError.of("checklistItems.0.code", Rule.UNKNOWN_CODE, "x")));
        assertEquals("conditions refers to unknown checklist item code 'x'",
                LEADS.words(FieldError.of("conditions", Rule.UNKNOWN_REFERENCE, "x")));
        assertEquals("Duplicate checklist group name 'G'", LEADS.words(FieldError.of("groups.1.name", Rule.DUPLICATE_GROUP, "G")));
        assertEquals("Duplicate checklist item code 'a'", LEADS.words(FieldError.of("groups.0.items.1.code", Rule.DUPLICATE_CODE, "a")));
        assertEquals("Checklist item 'ein' is given more than once",
                LEADS.words(FieldError.of("checklistItems.2.code", Rule.GIVEN_TWICE, "ein")));
        assertEquals("Checklist item code 'ein' already exists on this lead", LEADS.words(FieldError.of("code", Rule.CODE_TAKEN, "ein")));
        assertEquals("fieldType must be one of [TEXT, DATE]",
                LEADS.words(FieldError.listing("fieldType", Rule.NOT_A_FIELD_TYPE, List.of("TEXT", "DATE"), "COLOR")));
        assertEquals("Checklist item 'email' status must be one of TODO, SKIPPED", LEADS.words(FieldError.listing(
                "checklistItems.4.status", Rule.NOT_A_STATUS, List.of("TODO", "SKIPPED"), "email", "DONE")));
        assertEquals("Checklist item 'email' cannot be COMPLETED without a value",
                LEADS.words(FieldError.about("checklistItems.4.status", Rule.NO_VALUE, "email", "COMPLETED")));
        assertEquals("tool.name must be a string", LEADS.words(FieldError.of("tool.name", Rule.NOT_A_STRING, null)));
        assertEquals("status REVIEW is computed by the system and cannot be set",
                LEADS.words(FieldError.about("status", Rule.COMPUTED, "REVIEW", "REVIEW")));
        assertEquals("userId does not name a user of this workspace", LEADS.words(FieldError.of("userId", Rule.UNKNOWN_USER, "u")));
    }

    /** The harness clock's rules, in the admin (leads) shape's words. */
    @Test
    void leadsWordsTheHarnessClockRules() {
        assertEquals("give exactly one of frozenAt, advanceBy or resume", LEADS.words(FieldError.listing("",
                Rule.EXACTLY_ONE, List.of("frozenAt", "advanceBy", "resume"), null)));
        assertEquals("advanceBy cannot move time backwards; use frozenAt",
                LEADS.words(FieldError.about("advanceBy", Rule.BACKWARDS, "frozenAt", "-PT1H")));
        assertEquals("advanceBy can move time by at most 36525 days (PT876600H) per call",
                LEADS.words(FieldError.of("advanceBy", Rule.TOO_BIG_A_STEP, 36525, "PT900000H")));
        assertEquals("the clock must stay between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z",
                LEADS.words(FieldError.listing("frozenAt", Rule.CLOCK_OUT_OF_RANGE,
                        List.of("1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"), "1969-12-31T00:00:00Z")));
    }

    /** A checklist answer its item's field type refuses, and validation rules a type cannot use, as leads say them. */
    @Test
    void leadsWordsTheChecklistAnswerAndValidationRuleRules() {
        String value = "checklistItems.1.value";
        assertEquals("Invalid value for checklist item 'email': must be an email address",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_NOT_EMAIL, "email", null, List.of(), "x")));
        assertEquals("Invalid value for checklist item 'phone': must be a phone number (E.164, e.g. +16782319992)",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_NOT_PHONE, "phone", null, List.of(), "1")));
        assertEquals("Invalid value for checklist item 'founded': must be a date as YYYY-MM-DD",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_NOT_DATE, "founded", null, List.of(), "x")));
        assertEquals("Invalid value for checklist item 'ein': must be an EIN as NN-NNNNNNN",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_NOT_EIN, "ein", null, List.of(), "1")));
        assertEquals("Invalid value for checklist item 'revenue': must be a number",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_NOT_NUMBER, "revenue", null, List.of(), "x")));
        assertEquals("Invalid value for checklist item 'has_ein': must be one of [yes, no]",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_NOT_OPTION, "has_ein", null, List.of("yes", "no"), "x")));
        assertEquals("Invalid value for checklist item 'notes': must be at most 10 characters",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_TOO_LONG, "notes", 10, List.of(), "x")));
        assertEquals("Invalid value for checklist item 'notes': must be at least 3 characters",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_TOO_SHORT, "notes", 3, List.of(), "x")));
        assertEquals("Invalid value for checklist item 'revenue': must be at least 0.5",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_BELOW, "revenue", null, List.of("0.5"), "0")));
        assertEquals("Invalid value for checklist item 'revenue': must be at most 100",
                LEADS.words(FieldError.answer(value, Rule.ANSWER_ABOVE, "revenue", null, List.of("100"), "101")));
        assertEquals("Invalid value for checklist item 'bank': is a BANK_STATEMENT item: its value comes from a document"
                + " upload (POST /api/v1/documents)", LEADS.words(FieldError.answer(value, Rule.ANSWER_FROM_UPLOAD, "bank",
                null, List.of("BANK_STATEMENT"), "f.pdf")));
        assertEquals("config: a SELECT item needs validationRules.options, a list of strings",
                LEADS.words(FieldError.about("config", Rule.RULES_NEED_OPTIONS, null, null)));
        assertEquals("groups.0.items.0.validationRules: validationRules.options must be a list of strings",
                LEADS.words(FieldError.about("groups.0.items.0.validationRules", Rule.RULES_NOT_OPTIONS, "options", null)));
        assertEquals("validationRules: validationRules.min must be a number",
                LEADS.words(FieldError.about("validationRules", Rule.RULES_NOT_NUMBER, "min", null)));
        assertEquals("validationRules: validationRules.maxLength must be a non-negative integer",
                LEADS.words(FieldError.about("validationRules", Rule.RULES_NOT_LENGTH, "maxLength", null)));
    }

    /** The other families word the same rules in their own vocabulary. */
    @Test
    void theOtherFamiliesWordTheseRulesTheirWay() {
        assertEquals("url must be a URL address with protocol http or https",
                COMMERCE.words(FieldError.of("url", Rule.NOT_HTTP, "ftp://x")));
        assertEquals("events.0 must be one of the following values: lead.created",
                COMMERCE.words(FieldError.listing("events.0", Rule.UNKNOWN_EVENT, List.of("lead.created"), "nope")));
        assertEquals("until must be after since", ACTION_ITEMS.words(FieldError.about("query.until", Rule.NOT_AFTER, "since", "t")));
        assertEquals("scopes must be one of a, b",
                ACTION_ITEMS.words(FieldError.listing("scopes", Rule.NOT_A_SCOPE, List.of("a", "b"), "DEVELOPER", "x")));
        assertEquals("documentIds[0] does not name a document",
                ACTION_ITEMS.words(FieldError.of("documentIds.0", Rule.UNKNOWN_DOCUMENT, "d")));
    }

    /** The rules the lead, webhook, identity and action item cores used to word themselves, now worded here. */
    @Test
    void eachFamilyWordsTheRulesTheCoresNoLongerWord() {
        assertEquals("email must be a valid email address", LEADS.words(FieldError.of("email", Rule.NOT_EMAIL, "x")));
        assertEquals("timezone must be an IANA time zone such as America/New_York",
                LEADS.words(FieldError.of("timezone", Rule.NOT_TIME_ZONE, "Mars/Base")));
        assertEquals("isTest must be true or false", LEADS.words(FieldError.of("isTest", Rule.NOT_BOOLEAN, null)));
        assertEquals("tags may hold at most 50 tags", LEADS.words(FieldError.of("tags", Rule.TOO_MANY, 50, null)));
        assertEquals("to may hold at most 50 addresses", LEADS.words(FieldError.of("to", Rule.TOO_MANY, 50, 51)));
        assertEquals("At least one of url, events must be provided",
                LEADS.words(FieldError.noneGiven("", List.of("url", "events"))));
        assertEquals("action_items must have at most 50 items after validation, not 51",
                ACTION_ITEMS.words(FieldError.of("action_items", Rule.TOO_MANY, 50, 51)));
        assertEquals("At least one field must be provided",
                ACTION_ITEMS.words(FieldError.noneGiven("", List.of("description", "completed", "due_at"))));
        assertEquals("isTest must be a boolean value", COMMERCE.words(FieldError.of("isTest", Rule.NOT_BOOLEAN, null)));
    }
}
