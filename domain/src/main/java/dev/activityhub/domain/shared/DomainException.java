package dev.activityhub.domain.shared;

/**
 * The one family of business failures. Each API family maps these to its own status codes and
 * error bodies in a single place in the HTTP adapter; nothing below the adapter knows about HTTP.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ValidationException, ConflictException, UnauthorizedException,
                ForbiddenException, RateLimitedException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false); // business outcomes, not bugs: no stack trace to fill
        this.code = code;
    }

    /** A stable machine-readable code, e.g. {@code LEAD_NOT_FOUND}. */
    public String code() {
        return code;
    }
}
