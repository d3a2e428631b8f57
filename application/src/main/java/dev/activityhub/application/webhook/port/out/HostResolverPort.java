package dev.activityhub.application.webhook.port.out;

import java.net.InetAddress;
import java.util.List;

/** DNS: every address a host name resolves to (an address literal resolves to itself). */
@FunctionalInterface
public interface HostResolverPort {
    /** Empty when the host does not resolve. */
    List<InetAddress> resolve(String host);
}
