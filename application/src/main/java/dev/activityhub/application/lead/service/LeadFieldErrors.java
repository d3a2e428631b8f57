package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One request's failing fields, gathered from every check before any is reported: the fields the caller
 * sent in a form that could not be read first, then the rules the others break. A field that could not be
 * read was read as absent, so a rule about its absence is not said twice.
 */
final class LeadFieldErrors {
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> unread = new HashSet<>();

    LeadFieldErrors(List<FieldError> inputErrors) {
        errors.addAll(inputErrors);
        inputErrors.forEach(e -> unread.add(e.field()));
    }

    void add(FieldError error) {
        if (!unread.contains(error.field())) {
            errors.add(error);
        }
    }

    void addAll(List<FieldError> more) {
        more.forEach(this::add);
    }

    /** Runs a check, recording its failures; null when it failed. */
    <T> T check(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            addAll(e.errors());
            return null;
        }
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
