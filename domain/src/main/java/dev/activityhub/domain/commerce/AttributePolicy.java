package dev.activityhub.domain.commerce;

/**
 * How an attribute key of the tenant's catalog gets its value: {@code UPFRONT} from the commerce when
 * targets are resolved (on creation, or just before dispatch under {@link ResolutionTiming#ON_DISPATCH}),
 * {@code ON_DISPATCH} from the commerce just before dispatch (the freshest data), {@code CALLER_PROVIDED}
 * from the request's {@code attributes}.
 */
public enum AttributePolicy {
    UPFRONT, ON_DISPATCH, CALLER_PROVIDED;

    /** True when the value is read from the commerce (through the key's source). */
    public boolean readsCommerce() {
        return this != CALLER_PROVIDED;
    }
}
