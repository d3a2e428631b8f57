package dev.activityhub.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.bootstrap.harness.FixtureLoader.FamilySection;
import dev.activityhub.bootstrap.harness.FixtureLoader.FixtureRequest;
import dev.activityhub.bootstrap.harness.FixtureLoader.IssuedKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The typed fixture sections of every API family. Each turns its records into requests to the
 * family's public API, sent with a key the fixture itself declares.
 */
final class FixtureSections {
    private FixtureSections() {
    }

    static List<FamilySection> all() {
        return List.of(actionItems());
    }

    /** {@code "actionItems": [{"userEmail": "ann@acme.io", "description": "…", "due_at": "…"}]}. */
    static FamilySection actionItems() {
        return new Section("actionItems", (items, keys, workspaceId) -> {
            List<FixtureRequest> requests = new ArrayList<>();
            for (JsonNode item : items) {
                String email = item.path("userEmail").asText("").toLowerCase(Locale.ROOT);
                IssuedKey key = keys.getOrDefault(ApiKeyKind.DEVELOPER, List.of()).stream()
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
        public List<FixtureRequest> toRequests(JsonNode items, Map<ApiKeyKind, List<IssuedKey>> keys, String workspaceId) {
            if (!items.isArray()) {
                throw ValidationException.of(name, "list_type", name + " must be a list", null);
            }
            return builder.build(items, keys, workspaceId);
        }
    }

    @FunctionalInterface
    private interface Builder {
        List<FixtureRequest> build(JsonNode items, Map<ApiKeyKind, List<IssuedKey>> keys, String workspaceId);
    }
}
