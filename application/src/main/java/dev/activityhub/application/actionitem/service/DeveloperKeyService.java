package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.ManageDeveloperKeysUseCase;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.activityhub.application.identity.port.in.ManageApiKeysUseCase;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.NotFoundException;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Developer keys managed by their own user, built on the identity context's use cases. */
public final class DeveloperKeyService implements ManageDeveloperKeysUseCase {
    private final IssueApiKeyUseCase issue;
    private final ManageApiKeysUseCase keys;
    private final TransactionPort tx;

    public DeveloperKeyService(IssueApiKeyUseCase issue, ManageApiKeysUseCase keys, TransactionPort tx) {
        this.issue = issue;
        this.keys = keys;
        this.tx = tx;
    }

    @Override
    public List<ApiKey> listKeys(Principal caller) {
        DeveloperAccess.requireDeveloper(caller, Scopes.ACTION_ITEMS_READ); // no scope needed to read one's own keys
        return keys.listKeys(caller.workspaceId()).stream()
                .filter(key -> ownLiveKey(caller, key))
                .toList();
    }

    @Override
    public ApiKey describeCallingKey(Principal caller) {
        return listKeys(caller).stream().filter(key -> key.id().equals(caller.keyId())).findFirst()
                .orElseThrow(DeveloperKeyService::notFound);
    }

    @Override
    public IssuedApiKey createKey(CreateDeveloperKeyCommand command) {
        Principal caller = command.caller();
        DeveloperAccess.admit(caller, Scopes.ACTION_ITEMS_WRITE, command.inputErrors());
        // Resolve first (unknown scope → validation error), then refuse any scope the creator lacks.
        Set<String> scopes = ApiKeyKind.DEVELOPER.resolveScopes(command.scopes());
        scopes.forEach(scope -> DeveloperAccess.require(caller, scope));
        return issue.issue(new IssueApiKeyCommand(caller.workspaceId(), ApiKeyKind.DEVELOPER, command.name(),
                caller.userId(), scopes, null));
    }

    @Override
    public void revokeKey(Principal caller, UUID keyId) {
        DeveloperAccess.require(caller, Scopes.ACTION_ITEMS_WRITE);
        tx.inTransaction(() -> {
            ApiKey key = ownKey(caller, keyId);
            keys.revokeKey(caller.workspaceId(), key.id());
        });
    }

    @Override
    public IssuedApiKey rotateKey(Principal caller, UUID keyId) {
        DeveloperAccess.require(caller, Scopes.ACTION_ITEMS_WRITE);
        return tx.inTransaction(() -> {
            ApiKey old = ownKey(caller, keyId);
            old.scopes().forEach(scope -> DeveloperAccess.require(caller, scope));
            keys.revokeKey(caller.workspaceId(), old.id());
            return issue.issue(new IssueApiKeyCommand(caller.workspaceId(), ApiKeyKind.DEVELOPER, old.name(),
                    caller.userId(), old.scopes(), null));
        });
    }

    private ApiKey ownKey(Principal caller, UUID keyId) {
        return listKeys(caller).stream().filter(key -> key.id().equals(keyId)).findFirst()
                .orElseThrow(DeveloperKeyService::notFound);
    }

    private static boolean ownLiveKey(Principal caller, ApiKey key) {
        return key.kind() == ApiKeyKind.DEVELOPER && caller.userId().equals(key.userId()) && !key.isRevoked();
    }


    private static NotFoundException notFound() {
        return new NotFoundException("API_KEY_NOT_FOUND", "API key not found");
    }
}
