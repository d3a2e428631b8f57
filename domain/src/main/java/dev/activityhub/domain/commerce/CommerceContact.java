package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.Text;

/** A person or channel to reach a commerce; at least one of its fields is set. */
public record CommerceContact(String name, String email, String phone, String role) {
    public CommerceContact {
        name = Text.optional("name", name, 200);
        email = Text.optional("email", email, 320);
        phone = Text.optional("phone", phone, 50);
        role = Text.optional("role", role, 100);
    }
}
