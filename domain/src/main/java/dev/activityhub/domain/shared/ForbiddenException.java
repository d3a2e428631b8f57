package dev.activityhub.domain.shared;

/** Valid credentials that lack the scope or permission the operation needs. */
public final class ForbiddenException extends DomainException {
    private final String required;

    public ForbiddenException(String code, String message, String required) {
        super(code, message);
        this.required = required;
    }

    /** The scope or permission that was missing, or null when the refusal is not about one. */
    public String required() {
        return required;
    }
}
