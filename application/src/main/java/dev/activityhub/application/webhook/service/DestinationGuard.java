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
 * attempt, because DNS answers change.
 */
public final class DestinationGuard {
    private final HostResolverPort resolver;
    private final Set<String> allowedHosts;

    public DestinationGuard(HostResolverPort resolver, Set<String> allowedHosts) {
        this.resolver = resolver;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why we must not post to {@code url}, or empty when it is fine. */
    public Optional<String> refusal(WebhookUrl url) {
        String host = url.host();
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = ForbiddenDestinations.reason(address);
            if (reason.isPresent()) {
                return Optional.of("host " + host + " resolves to a " + reason.get() + " ("
                        + address.getHostAddress() + "), which webhooks may not target");
            }
        }
        return Optional.empty();
    }
}
