package dev.activityhub.domain.shared;

/** The request clashes with the current state: a duplicate key or an illegal state transition. */
public final class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
