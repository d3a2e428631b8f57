package dev.activityhub.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects every failing field of one input, so a single answer names them all. */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    /** Runs a check; its validation errors are recorded and null returned. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    public void add(String field, Rule rule, Number limit, Object input) {
        errors.add(FieldError.of(field, rule, limit, input));
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
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
