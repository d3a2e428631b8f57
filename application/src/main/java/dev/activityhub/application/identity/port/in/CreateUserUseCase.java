package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.shared.Text;

import java.util.Objects;
import java.util.UUID;

public interface CreateUserUseCase {
    /** Fails with not-found for an unknown workspace and conflict for an e-mail already in it. */
    User createUser(CreateUserCommand command);

    record CreateUserCommand(UUID workspaceId, String email, String name, Role role) {
        public CreateUserCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            email = User.normalizeEmail("email", email);
            name = Text.required("name", name, 200);
            if (role == null) {
                role = User.parseRole(null);
            }
        }
    }
}
