package dev.activityhub.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every failing field of one input, so a single answer names them all. Started with the fields an
 * adapter could not read (wrong JSON types, read as absent), it reports those first and drops a later rule
 * about the same field (its absence), so nothing is said twice.
 */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();
    private final java.util.Set<String> unread = new java.util.HashSet<>();

    public Violations() {
    }

    /** Starting with {@code unreadFields}, the errors of the fields that could not be read. */
    public Violations(List<FieldError> unreadFields) {
        errors.addAll(unreadFields);
        unreadFields.forEach(e -> unread.add(e.field()));
    }

    /** Runs a check; its validation errors are recorded and null returned. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            addAll(e.errors());
            return null;
        }
    }

    public void add(FieldError error) {
        if (!unread.contains(error.field())) {
            errors.add(error);
        }
    }

    public void add(String field, Rule rule, Number limit, Object input) {
        add(FieldError.of(field, rule, limit, input));
    }

    public void addAll(List<FieldError> more) {
        more.forEach(this::add);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
