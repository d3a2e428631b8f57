package dev.activityhub.http.webhook.client;

import dev.activityhub.application.webhook.port.out.HostResolverPort;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The system resolver. */
public final class DnsHostResolver implements HostResolverPort {
    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
