package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.Violations;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface CreateUserUseCase {
    /** Fails with not-found for an unknown workspace and conflict for an e-mail already in it. */
    User createUser(CreateUserCommand command);

    record CreateUserCommand(UUID workspaceId, String email, String name, Role role) {
        /**
         * From a request as an adapter read it, {@code unread} naming the fields it could not read (read as
         * absent): every bad field in one answer.
         */
        public static CreateUserCommand read(UUID workspaceId, String email, String name, String role,
                                             List<FieldError> unread) {
            Violations errors = new Violations(unread);
            String checkedEmail = errors.check(() -> User.normalizeEmail("email", email));
            String checkedName = errors.check(() -> Text.required("name", name, 200));
            Role parsedRole = errors.check(() -> User.parseRole(role));
            errors.throwIfAny();
            return new CreateUserCommand(workspaceId, checkedEmail, checkedName, parsedRole);
        }

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
