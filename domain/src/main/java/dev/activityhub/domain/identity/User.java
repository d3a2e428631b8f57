package dev.activityhub.domain.identity;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A person inside one workspace. */
public record User(UUID workspaceId, UUID id, String email, String name, Role role, Instant createdAt) {
    private static final List<String> ROLES = List.of("SUPER_ADMIN", "ADMIN", "FDE", "VIEWER");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public User {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        email = normalizeEmail("email", email);
        name = Text.required("name", name, 200);
        if (role == null) {
            throw ValidationException.notOneOf("role", ROLES, null);
        }
    }

    /** Lower-cases and checks an address; shared by every context that stores e-mail addresses. */
    public static String normalizeEmail(String field, String value) {
        String email = Text.required(field, value, 320).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw ValidationException.of(field, Rule.NOT_EMAIL, null, value);
        }
        return email;
    }

    public static Role parseRole(String value) {
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        throw ValidationException.notOneOf("role", ROLES, value);
    }
}
