package dev.activityhub.domain.shared;

/** No credentials, or credentials that match no live key. */
public final class UnauthorizedException extends DomainException {
    public UnauthorizedException(String code, String message) {
        super(code, message);
    }
}
