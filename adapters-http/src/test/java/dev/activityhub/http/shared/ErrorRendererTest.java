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
                    case NOT_ONE_OF, NOT_IN_CATALOG, NOT_A_SOURCE, REQUIRED_ANY, MUST_EQUAL, AT_LEAST_ONE ->
                            FieldError.listing("items.1.f", rule, List.of("a", "b"), "c", "x");
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
