package dev.activityhub.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.bootstrap.harness.FixtureLoader;
import dev.activityhub.bootstrap.harness.FixtureLoader.FamilySection;
import dev.activityhub.bootstrap.harness.FixtureLoader.FixtureRequest;
import dev.activityhub.bootstrap.harness.FixtureLoader.FixtureWorkspace;
import dev.activityhub.bootstrap.harness.FixtureLoader.IssuedKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The typed fixture sections of every API family. Each turns its records into requests to the
 * family's public API, sent with a key the fixture itself declares.
 */
final class FixtureSections {
    private FixtureSections() {
    }

    static List<FamilySection> all() {
        return List.of(leads(), actionItems(), commerces());
    }

    /** Timeline entry kinds of a lead fixture, and the lead sub-resource each is posted to. */
    private static final Map<String, String> TIMELINE_PATHS = Map.of("message", "messages", "followUp", "follow-ups",
            "draft", "drafts", "toolCall", "tool-calls", "note", "notes");

    /**
     * {@code "leads": [{"firstName": "John", ..., "timeline": [{"type": "draft", "channel": "EMAIL", ...}]}]}:
     * bodies of {@code POST /api/v1/leads}; each {@code timeline} entry (type {@code message}, {@code followUp},
     * {@code draft}, {@code toolCall} or {@code note}, the rest its body) is then posted to that lead's
     * sub-resource, in order. A tool call's {@code "parentActionId": "{lastActionLogId}"} names the entry
     * just before it.
     */
    static FamilySection leads() {
        return new Section("leads", (items, workspace) -> {
            IssuedKey key = firstKey(workspace.keys(), ApiKeyKind.WORKSPACE, "leads");
            Map<String, String> headers = Map.of("x-api-key", key.plaintext());
            List<FixtureRequest> requests = new ArrayList<>();
            int i = 0;
            for (JsonNode item : items) {
                JsonNode lead = item;
                JsonNode timeline = item.path("timeline");
                if (item.isObject() && item.has("timeline")) {
                    lead = item.deepCopy();
                    ((ObjectNode) lead).remove("timeline");
                }
                requests.add(new FixtureRequest("POST", "/api/v1/leads", headers, lead));
                int j = 0;
                for (JsonNode entry : timeline.isArray() ? timeline : JsonNodeFactory.instance.arrayNode()) {
                    String type = entry.path("type").asText("");
                    String path = TIMELINE_PATHS.get(type);
                    if (path == null || !entry.isObject()) {
                        throw ValidationException.of("leads." + i + ".timeline." + j + ".type", "enum",
                                "type must be one of " + new TreeSet<>(TIMELINE_PATHS.keySet()), type);
                    }
                    ObjectNode body = entry.deepCopy();
                    body.remove("type");
                    requests.add(new FixtureRequest("POST", "/api/v1/leads/" + FixtureLoader.LAST_LEAD_ID + "/" + path,
                            headers, body));
                    j++;
                }
                if (!timeline.isMissingNode() && !timeline.isArray()) {
                    throw ValidationException.of("leads." + i + ".timeline", "list_type", "timeline must be a list",
                            null);
                }
                i++;
            }
            return requests;
        });
    }

    /**
     * {@code "commerces": [{"external_id": "c-1", "name": "…", "representative_user_email": "…"}]}: one
     * {@code POST /api/commerces/sync}, with user e-mails of the fixture turned into user ids.
     */
    static FamilySection commerces() {
        return new Section("commerces", (items, workspace) -> {
            IssuedKey key = firstKey(workspace.keys(), ApiKeyKind.TENANT, "commerces");
            ArrayNode commerces = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : items) {
                ObjectNode commerce = item.deepCopy();
                for (String role : List.of("representative", "owner")) {
                    JsonNode email = commerce.remove(role + "_user_email");
                    if (email != null && !email.isNull()) {
                        UUID userId = workspace.usersByEmail().get(email.asText().toLowerCase(Locale.ROOT));
                        if (userId == null) {
                            throw ValidationException.of("commerces." + role + "_user_email", "value_error",
                                    "no user " + email.asText() + " in this fixture workspace", email.asText());
                        }
                        commerce.put(role + "_user_id", userId.toString());
                    }
                }
                commerces.add(commerce);
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("commerces", commerces);
            return List.of(new FixtureRequest("POST", "/api/commerces/sync",
                    Map.of("Authorization", "Bearer " + key.plaintext(), "x-tenant-id", workspace.id()), body));
        });
    }

    /** {@code "actionItems": [{"userEmail": "ann@acme.io", "description": "…", "due_at": "…"}]}. */
    static FamilySection actionItems() {
        return new Section("actionItems", (items, workspace) -> {
            List<FixtureRequest> requests = new ArrayList<>();
            for (JsonNode item : items) {
                String email = item.path("userEmail").asText("").toLowerCase(Locale.ROOT);
                IssuedKey key = workspace.keys().getOrDefault(ApiKeyKind.DEVELOPER, List.of()).stream()
                        .filter(k -> email.equals(k.userEmail()) && k.scopes().contains(Scopes.ACTION_ITEMS_WRITE))
                        .findFirst()
                        .orElseThrow(() -> ValidationException.of("actionItems.userEmail", "value_error",
                                "an action item needs a DEVELOPER key with action_items:write for user '" + email
                                        + "' in the same fixture workspace", email));
                ObjectNode body = item.deepCopy();
                body.remove("userEmail");
                requests.add(new FixtureRequest("POST", "/v1/dev/user/action-items",
                        Map.of("Authorization", "Bearer " + key.plaintext()), body));
            }
            return requests;
        });
    }

    /** Finds the first key of a kind, or explains what the fixture lacks. */
    static IssuedKey firstKey(Map<ApiKeyKind, List<IssuedKey>> keys, ApiKeyKind kind, String section) {
        return keys.getOrDefault(kind, List.of()).stream().findFirst()
                .orElseThrow(() -> ValidationException.of(section, "value_error",
                        "'" + section + "' needs a " + kind + " key in the same fixture workspace", null));
    }

    private record Section(String name, Builder builder) implements FamilySection {
        @Override
        public List<FixtureRequest> toRequests(JsonNode items, FixtureWorkspace workspace) {
            if (!items.isArray()) {
                throw ValidationException.of(name, "list_type", name + " must be a list", null);
            }
            return builder.build(items, workspace);
        }
    }

    @FunctionalInterface
    private interface Builder {
        List<FixtureRequest> build(JsonNode items, FixtureWorkspace workspace);
    }
}
