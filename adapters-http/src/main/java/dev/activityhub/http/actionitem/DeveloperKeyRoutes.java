package dev.activityhub.http.actionitem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.actionitem.port.in.ManageDeveloperKeysUseCase;
import dev.activityhub.application.actionitem.port.in.ManageDeveloperKeysUseCase.CreateDeveloperKeyCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.Principals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Self-service developer keys: {@code /v1/dev/keys} (list, create, delete, rotate) and
 * {@code /v1/dev/key} (the calling key). Listing and describing need any valid key; the others
 * need {@code action_items:write}, which the use case ({@code DeveloperKeyService}) checks.
 */
final class DeveloperKeyRoutes {
    private static final List<String> KNOWN_SCOPES = List.of(Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE);

    private final ManageDeveloperKeysUseCase keys;

    private final FamilyContract contract;

    DeveloperKeyRoutes(FamilyContract contract, ManageDeveloperKeysUseCase keys) {
        this.contract = contract;
        this.keys = keys;
    }

    /** The vendor's DevApiKey; {@code last_used_at} is not tracked and always null. */
    record KeyResponse(String id, String name, @JsonProperty("key_prefix") String keyPrefix,
                       @JsonProperty("created_at") String createdAt,
                       @JsonProperty("last_used_at") String lastUsedAt, List<String> scopes) {
        static KeyResponse of(ApiKey key) {
            return new KeyResponse(key.id().toString(), key.name(), key.prefix(), WireTime.zulu(key.createdAt()), null,
                    key.scopes().stream().sorted().toList());
        }
    }

    /** DevApiKeyCreated / DevApiKeyRotated: the plaintext, shown this once. */
    record IssuedKeyResponse(String id, String name, @JsonProperty("key_prefix") String keyPrefix,
                             @JsonProperty("created_at") String createdAt,
                             @JsonProperty("last_used_at") String lastUsedAt, List<String> scopes, String key) {
        static IssuedKeyResponse of(IssuedApiKey issued) {
            KeyResponse k = KeyResponse.of(issued.key());
            return new IssuedKeyResponse(k.id(), k.name(), k.keyPrefix(), k.createdAt(), null, k.scopes(),
                    issued.plaintext());
        }
    }

    /** For the OpenAPI document only: the body is read field by field to report pydantic's errors. */
    record CreateKeyRequest(String name, List<String> scopes) {
    }

    void describe(ApiDocs docs) {
        docs.operation("GET", "/v1/dev/keys", "List the calling user's live developer keys")
                .responseList(200, KeyResponse.class).errors(401, 429);
        docs.operation("GET", "/v1/dev/key", "Describe the calling key").response(200, KeyResponse.class).errors(401, 429);
        docs.operation("POST", "/v1/dev/keys", "Create a key (plaintext shown once); read-only unless scopes are given")
                .body(CreateKeyRequest.class).response(200, IssuedKeyResponse.class).errors(401, 403, 422, 429);
        docs.operation("DELETE", "/v1/dev/keys/{id}", "Revoke a key at once").response(204, null).errors(401, 403, 404, 429);
        docs.operation("POST", "/v1/dev/keys/{id}/rotate", "Issue a new key and revoke this one at once")
                .response(200, IssuedKeyResponse.class).errors(401, 403, 404, 429);
    }

    void addRoutes(RoutesConfig routes) {
        routes.get("/v1/dev/keys", ctx -> ctx.json(keys.listKeys(Principals.of(ctx)).stream()
                .map(KeyResponse::of).toList()));
        routes.get("/v1/dev/key", ctx -> ctx.json(KeyResponse.of(keys.describeCallingKey(Principals.of(ctx)))));
        routes.post("/v1/dev/keys", this::create);
        routes.delete("/v1/dev/keys/{id}", ctx -> {
            Principal caller = Principals.of(ctx);
            keys.revokeKey(caller, keyId(ctx));
            ctx.status(204);
        });
        routes.post("/v1/dev/keys/{id}/rotate", ctx -> {
            Principal caller = Principals.of(ctx);
            ctx.json(IssuedKeyResponse.of(keys.rotateKey(caller, keyId(ctx))));
        });
    }

    private void create(Context ctx) {
        Principal caller = Principals.of(ctx);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode body = PydanticInput.objectOrNull(contract, ctx, errors);
        String name = null;
        Set<String> scopes = null;
        if (body != null) {
            name = PydanticInput.string(body, "name", "name", true, false, 0, 200, errors);
            if (name != null && name.isBlank()) { // the vendor's sentence, in the name's place among the failures
                errors.add(new FieldError("", "value_error", "Key name cannot be empty", null));
            }
            scopes = scopes(body, errors);
        }
        // The use case checks the scope first, then tells what was wrong with the body.
        ctx.json(IssuedKeyResponse.of(keys.createKey(new CreateDeveloperKeyCommand(caller, name, scopes, errors))));
    }

    /** Optional list of known scope names; anything else is an {@code enum} error on its index. */
    private static Set<String> scopes(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("scopes");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(new FieldError("scopes", "list_type", "Input should be a valid list", node));
            return null;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode scope = node.get(i);
            if (!scope.isTextual()) {
                errors.add(new FieldError("scopes." + i, "string_type", "Input should be a valid string", scope));
            } else if (!KNOWN_SCOPES.contains(scope.textValue())) {
                errors.add(new FieldError("scopes." + i, "enum",
                        "Input should be '" + String.join("' or '", KNOWN_SCOPES) + "'", scope));
            } else {
                scopes.add(scope.textValue());
            }
        }
        return scopes;
    }

    /** The path's key id; null when it is no id at all (not found, after the scope check). */
    private static UUID keyId(Context ctx) {
        return PydanticInput.pathIdOrNull(ctx.pathParam("id"));
    }
}
