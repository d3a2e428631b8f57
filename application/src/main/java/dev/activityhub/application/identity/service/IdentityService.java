package dev.activityhub.application.identity.service;

import dev.activityhub.domain.shared.Violations;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.application.identity.port.in.CreateUserUseCase;
import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase;
import dev.activityhub.application.identity.port.in.InitializeDefaultWorkspaceUseCase;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase;
import dev.activityhub.application.identity.port.in.ManageApiKeysUseCase;
import dev.activityhub.application.identity.port.out.ApiKeyPort;
import dev.activityhub.application.identity.port.out.UserPort;
import dev.activityhub.application.identity.port.out.WorkspacePort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Workspaces, users and API keys: the identity model every API family authenticates against. */
public final class IdentityService implements CreateWorkspaceUseCase, CreateUserUseCase, IssueApiKeyUseCase,
        ManageApiKeysUseCase, AuthenticateApiKeyUseCase, InitializeDefaultWorkspaceUseCase {

    /** Random bytes in a generated key: 128 bits, written as 32 hex characters (the vendor's format). */
    static final int KEY_RANDOM_BYTES = 16;

    private final WorkspacePort workspaces;
    private final UserPort users;
    private final ApiKeyPort keys;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final RecentPrincipals recent;

    public IdentityService(WorkspacePort workspaces, UserPort users, ApiKeyPort keys, TransactionPort tx,
                           Clock clock, IdGenerator ids, SecretGenerator secrets) {
        this(workspaces, users, keys, tx, clock, ids, secrets, RecentPrincipals.disabled());
    }

    /** @param recent remembers recently used keys, so most requests need no key lookup */
    public IdentityService(WorkspacePort workspaces, UserPort users, ApiKeyPort keys, TransactionPort tx,
                           Clock clock, IdGenerator ids, SecretGenerator secrets, RecentPrincipals recent) {
        this.recent = recent;
        this.workspaces = workspaces;
        this.users = users;
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
    }

    @Override
    public Workspace createWorkspace(CreateWorkspaceCommand command) {
        Workspace workspace = new Workspace(ids.newId(), command.name(), clock.instant());
        tx.inTransaction(() -> workspaces.saveWorkspace(workspace));
        return workspace;
    }

    @Override
    public User createUser(CreateUserCommand command) {
        return tx.inTransaction(() -> {
            requireWorkspace(command.workspaceId());
            User user = new User(command.workspaceId(), ids.newId(), command.email(), command.name(),
                    command.role(), clock.instant());
            users.saveUser(user);
            return user;
        });
    }

    @Override
    public IssuedApiKey issue(IssueApiKeyCommand command) {
        return tx.inTransaction(() -> {
            requireWorkspace(command.workspaceId());
            Violations errors = new Violations(command.inputErrors());
            if (command.userId() != null && users.findUser(command.workspaceId(), command.userId()).isEmpty()) {
                errors.add("userId", Rule.UNKNOWN_USER, null, command.userId().toString());
            }
            errors.throwIfAny();
            String plaintext = command.plaintext() != null ? command.plaintext()
                    : command.kind().plaintextPrefix() + secrets.randomHex(KEY_RANDOM_BYTES);
            if (!plaintext.startsWith(command.kind().plaintextPrefix())) {
                throw new ValidationException(List.of(FieldError.listing("key", Rule.WRONG_PREFIX,
                        List.of(command.kind().plaintextPrefix()), command.kind().name(), null)));
            }
            int visible = Math.min(plaintext.length(), command.kind().plaintextPrefix().length() + ApiKey.VISIBLE_RANDOM_CHARS);
            ApiKey key = new ApiKey(command.workspaceId(), ids.newId(), command.userId(), command.kind(), command.name(),
                    KeyHashing.sha256Hex(plaintext), plaintext.substring(0, visible), command.scopes(),
                    clock.instant(), null);
            keys.saveKey(key);
            return new IssuedApiKey(key, plaintext);
        });
    }

    @Override
    public List<ApiKey> listKeys(UUID workspaceId) {
        requireWorkspace(workspaceId);
        return keys.listByWorkspace(workspaceId);
    }

    @Override
    public ApiKey revokeKey(UUID workspaceId, UUID keyId) {
        return tx.inTransaction(() -> {
            ApiKey key = keys.findKey(workspaceId, keyId)
                    .orElseThrow(() -> new NotFoundException("API_KEY_NOT_FOUND", "API key not found"));
            if (key.isRevoked()) {
                return key;
            }
            ApiKey revoked = key.revoke(clock.instant());
            keys.markRevoked(workspaceId, keyId, revoked.revokedAt());
            // Forget it now, and again once the revocation is committed (a lookup meanwhile reads the old row).
            recent.forget(keyId);
            tx.afterCommit(() -> recent.forget(keyId));
            return revoked;
        });
    }

    @Override
    public Optional<Principal> authenticate(String plaintextKey) {
        if (plaintextKey == null || plaintextKey.isBlank() || plaintextKey.length() > 200) {
            return Optional.empty();
        }
        String hash = KeyHashing.sha256Hex(plaintextKey);
        Optional<Principal> remembered = recent.find(hash);
        if (remembered.isPresent()) {
            return remembered;
        }
        long generation = recent.generation();
        long readAt = recent.now();
        Optional<Principal> principal = keys.findByHash(hash)
                .filter(key -> KeyHashing.sameHash(key.keyHash(), hash))
                .filter(key -> !key.isRevoked())
                .map(key -> key.toPrincipal(grantsOf(key)));
        principal.ifPresent(p -> recent.remember(hash, p, generation, readAt));
        return principal;
    }

    /** Forgets every remembered key: for when the data was wiped underneath (the harness's reset). */
    public void forgetRememberedKeys() {
        recent.forgetAll();
    }

    /** Tenant keys that act as a user carry that user's role; every other key carries its own scopes. */
    private Set<String> grantsOf(ApiKey key) {
        if (key.kind() == ApiKeyKind.TENANT && key.userId() != null) {
            return users.findUser(key.workspaceId(), key.userId())
                    .map(user -> user.role().permissions().stream().map(Enum::name).collect(Collectors.toSet()))
                    .orElse(Set.of());
        }
        return key.scopes();
    }

    @Override
    public Optional<IssuedApiKey> initializeIfEmpty() {
        return tx.inTransaction(() -> {
            if (workspaces.anyExists()) {
                return Optional.<IssuedApiKey>empty();
            }
            Workspace workspace = createWorkspace(new CreateWorkspaceCommand("default"));
            return Optional.of(issue(new IssueApiKeyCommand(workspace.id(), ApiKeyKind.WORKSPACE,
                    "default workspace key", null, null, null)));
        });
    }

    private void requireWorkspace(UUID workspaceId) {
        if (workspaces.findWorkspace(workspaceId).isEmpty()) {
            throw new NotFoundException("WORKSPACE_NOT_FOUND", "Workspace not found");
        }
    }
}
