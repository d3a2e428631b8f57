package dev.activityhub.domain.shared;

/** The resource does not exist in the caller's workspace (or belongs to another: same answer). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
