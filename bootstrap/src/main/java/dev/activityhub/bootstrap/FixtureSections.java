package dev.activityhub.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** {@code "leads": [{"firstName": "John", ...}]}: bodies of {@code POST /api/v1/leads}. */
    static FamilySection leads() {
        return new Section("leads", (items, workspace) -> {
            IssuedKey key = firstKey(workspace.keys(), ApiKeyKind.WORKSPACE, "leads");
            List<FixtureRequest> requests = new ArrayList<>();
            items.forEach(lead -> requests.add(new FixtureRequest("POST", "/api/v1/leads",
                    Map.of("x-api-key", key.plaintext()), lead)));
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
