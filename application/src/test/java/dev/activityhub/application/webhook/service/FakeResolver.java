package dev.activityhub.application.webhook.service;

import dev.activityhub.application.webhook.port.out.HostResolverPort;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DNS from a table (no network): address literals resolve to themselves, unknown names not at all. Records every lookup. */
final class FakeResolver implements HostResolverPort {
    final Map<String, List<InetAddress>> table = new HashMap<>();
    final List<String> lookups = new ArrayList<>();

    /** Points {@code host} at the given address literals (replacing earlier answers). */
    FakeResolver answer(String host, String... literals) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            try {
                addresses.add(InetAddress.getByName(literal)); // a literal is parsed, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
        table.put(host, addresses);
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) {
        lookups.add(host);
        if (!table.containsKey(host) && (host.matches("[0-9.]+") || host.contains(":"))) {
            answer(host, host);
        }
        return table.getOrDefault(host, List.of());
    }
}
