package dev.activityhub.application.identity.port.out;

import dev.activityhub.domain.identity.User;

import java.util.Optional;
import java.util.UUID;

/** Loads and saves users, always within one workspace. */
public interface UserPort {
    /** @throws dev.activityhub.domain.shared.ConflictException when the e-mail is taken in the workspace */
    void saveUser(User user);

    Optional<User> findUser(UUID workspaceId, UUID userId);
}
