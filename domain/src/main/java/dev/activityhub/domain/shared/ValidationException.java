package dev.activityhub.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/** One or more input fields break a rule. Carries every failing field, not just the first. */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("VALIDATION_ERROR", errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    /** One error worded where it is raised: an adapter's reading of its own wire ({@link Rule#WORDED}). */
    public static ValidationException of(String field, String type, String message, Object input) {
        return new ValidationException(List.of(new FieldError(field, type, message, input)));
    }

    /** One neutral error; the HTTP adapter words it for the request's API family. */
    public static ValidationException of(String field, Rule rule, Number limit, Object input) {
        return new ValidationException(List.of(FieldError.of(field, rule, limit, input)));
    }

    /** One field whose value is none of {@code allowed}. */
    public static ValidationException notOneOf(String field, List<String> allowed, Object input) {
        return new ValidationException(List.of(FieldError.notOneOf(field, allowed, input)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
