package dev.activityhub.application.webhook.service;

import dev.activityhub.application.webhook.port.out.HostResolverPort;
import dev.activityhub.domain.webhook.ForbiddenDestinations;
import dev.activityhub.domain.webhook.WebhookUrl;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses webhook URLs whose host resolves to an internal address (SSRF), every resolved address
 * counting, unless the operator allow-listed the host. Checked at registration and before every
 * attempt, because DNS answers change; an attempt then connects to exactly the addresses that were
 * checked (no second lookup a rebinding DNS server could answer differently).
 * A refusal says only that the destination is not allowed: what a name resolves to inside our network
 * is not the caller's business.
 */
public final class DestinationGuard {
    /** The one answer for every refused destination (internal, unresolvable or otherwise). */
    public static final String NOT_ALLOWED = "the destination is not allowed";

    private final HostResolverPort resolver;
    private final Set<String> allowedHosts;

    /** A checked destination: the addresses to connect to, or why there are none. */
    public record Destination(List<InetAddress> addresses, Optional<String> refusal) {
        static Destination refused() {
            return new Destination(List.of(), Optional.of(NOT_ALLOWED));
        }
    }

    public DestinationGuard(HostResolverPort resolver, Set<String> allowedHosts) {
        this.resolver = resolver;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why we must not post to {@code url}, or empty when it is fine (allow-listed hosts are not looked up). */
    public Optional<String> refusal(WebhookUrl url) {
        return allowedHosts.contains(url.host()) ? Optional.empty() : check(url).refusal();
    }

    /** Resolves the host once and checks every address; the addresses are the ones to connect to. */
    public Destination check(WebhookUrl url) {
        List<InetAddress> addresses = resolver.resolve(url.host());
        if (addresses.isEmpty()) {
            return Destination.refused();
        }
        if (!allowedHosts.contains(url.host())
                && addresses.stream().anyMatch(a -> ForbiddenDestinations.reason(a).isPresent())) {
            return Destination.refused();
        }
        return new Destination(List.copyOf(addresses), Optional.empty());
    }
}
