package dev.activityhub.domain.commerce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Chooses the user who carries out an activity: the criteria in priority order (lower first), then
 * the commerce's representative, then its owner. Returns every distinct candidate, best first; an
 * empty list means the activity is {@code UNRESOLVED}.
 */
public final class TargetResolver {
    /** Fallbacks rank after any criterion a caller can send. */
    static final int REPRESENTATIVE_PRIORITY = Integer.MAX_VALUE - 1;
    static final int OWNER_PRIORITY = Integer.MAX_VALUE;

    private TargetResolver() {
    }

    /**
     * @param history read only when a criterion asks who last contacted the commerce (most activities carry
     *                no such criterion, and the read is the costliest part of a resolution), at most once
     */
    public static List<TargetCandidate> resolve(List<TargetCriterion> criteria, Commerce commerce,
                                                ActivityChannel channel, Supplier<ContactHistory> history) {
        Supplier<ContactHistory> once = new Supplier<>() {
            private ContactHistory read;

            @Override
            public ContactHistory get() {
                if (read == null) {
                    read = history.get();
                }
                return read;
            }
        };
        List<TargetCandidate> found = new ArrayList<>();
        criteria.stream()
                .sorted(Comparator.comparingInt(TargetCriterion::priority))
                .forEach(criterion -> match(criterion, commerce, channel, once)
                        .ifPresent(user -> found.add(new TargetCandidate(user, criterion.type().name(), criterion.priority()))));
        if (commerce.representativeUserId() != null) {
            found.add(new TargetCandidate(commerce.representativeUserId(), "REPRESENTATIVE", REPRESENTATIVE_PRIORITY));
        }
        if (commerce.ownerUserId() != null) {
            found.add(new TargetCandidate(commerce.ownerUserId(), "OWNER", OWNER_PRIORITY));
        }
        Set<UUID> seen = new LinkedHashSet<>();
        return found.stream().filter(candidate -> seen.add(candidate.userId())).toList();
    }

    private static Optional<UUID> match(TargetCriterion criterion, Commerce commerce, ActivityChannel channel,
                                        Supplier<ContactHistory> history) {
        switch (criterion.type()) {
            case LAST_CONTACTED_ALL_CHANNELS:
                return history.get().lastAny();
            case LAST_CONTACTED_SAME_CHANNEL:
                return history.get().lastOn(channel);
            case ROLE_MATCH:
                Object role = criterion.config().get("role");
                String wanted = role == null ? "" : role.toString().toUpperCase(Locale.ROOT);
                if (wanted.equals("REPRESENTATIVE")) {
                    return Optional.ofNullable(commerce.representativeUserId());
                }
                if (wanted.equals("OWNER")) {
                    return Optional.ofNullable(commerce.ownerUserId());
                }
                return Optional.empty();
            default:
                throw new IllegalStateException("unhandled criterion " + criterion.type());
        }
    }
}
