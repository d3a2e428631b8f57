package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Violations;

import java.util.List;

/**
 * One request's failing fields, gathered from every check before any is reported: the fields the caller
 * sent in a form that could not be read first, then the rules the others break. A field that could not be
 * read was read as absent, so a rule about its absence is not said twice ({@link Violations} does the work).
 */
final class LeadFieldErrors {
    private final Violations violations;

    LeadFieldErrors(List<FieldError> inputErrors) {
        violations = new Violations(inputErrors);
    }

    void add(FieldError error) {
        violations.add(error);
    }

    void addAll(List<FieldError> more) {
        violations.addAll(more);
    }

    /** Runs a check, recording its failures; null when it failed. */
    <T> T check(java.util.function.Supplier<T> check) {
        return violations.check(check);
    }

    void throwIfAny() {
        violations.throwIfAny();
    }
}
