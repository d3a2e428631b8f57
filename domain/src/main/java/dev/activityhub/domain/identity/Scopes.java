package dev.activityhub.domain.identity;

/** Scope names of developer (action items) keys, as the vendor spells them. */
public final class Scopes {
    public static final String ACTION_ITEMS_READ = "action_items:read";
    public static final String ACTION_ITEMS_WRITE = "action_items:write";

    private Scopes() {
    }
}
