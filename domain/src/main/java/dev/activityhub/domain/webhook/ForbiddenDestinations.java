package dev.activityhub.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Addresses we never post to (server-side request forgery): loopback, private, shared (CGNAT),
 * link-local (which holds the cloud metadata endpoints 169.254.169.254 and fd00:ec2::254's
 * unique-local range), multicast, reserved and unspecified, also when wrapped in an IPv6 form.
 * Pure: classifies an address that was already resolved.
 */
public final class ForbiddenDestinations {
    private ForbiddenDestinations() {
    }

    /** Why the address is refused, or empty when it is a public unicast address. */
    public static Optional<String> reason(InetAddress address) {
        if (address instanceof Inet4Address) {
            return ipv4Reason(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return ipv6Reason(address.getAddress());
        }
        return Optional.of("unknown address family");
    }

    private static Optional<String> ipv4Reason(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        if (b0 == 0) {
            return Optional.of("unspecified address");
        }
        if (b0 == 127) {
            return Optional.of("loopback address");
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xF0) == 16) || (b0 == 192 && b1 == 168)) {
            return Optional.of("private address");
        }
        if (b0 == 100 && (b1 & 0xC0) == 64) {
            return Optional.of("shared address space (100.64.0.0/10)");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("link-local or cloud metadata address");
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return Optional.of("IETF protocol assignment (192.0.0.0/24)");
        }
        if (b0 == 198 && (b1 & 0xFE) == 18) {
            return Optional.of("benchmarking address (198.18.0.0/15)");
        }
        if (b0 >= 224) {
            return Optional.of("multicast or reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Reason(byte[] a) {
        boolean zeroPrefix96 = isZero(a, 0, 12);
        if (zeroPrefix96 && isZero(a, 12, 16)) {
            return Optional.of("unspecified address");
        }
        if (zeroPrefix96 && isZero(a, 12, 15) && a[15] == 1) {
            return Optional.of("loopback address");
        }
        if (zeroPrefix96) {
            return ipv4Reason(Arrays.copyOfRange(a, 12, 16)); // IPv4-compatible ::a.b.c.d
        }
        if (isZero(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return ipv4Reason(Arrays.copyOfRange(a, 12, 16)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (isZero(a, 0, 8) && (a[8] & 0xFF) == 0xFF && (a[9] & 0xFF) == 0xFF && isZero(a, 10, 12)) {
            return Optional.of("IPv4-translated address (::ffff:0:0:0/96)"); // SIIT: reaches IPv4 behind a translator
        }
        if ((a[0] & 0xFF) == 0x20 && (a[1] & 0xFF) == 0x01 && a[2] == 0 && a[3] == 0) {
            return Optional.of("Teredo address (2001::/32)"); // tunnels to an IPv4 host (the client part is obfuscated)
        }
        if ((a[0] & 0xFF) == 0x00 && (a[1] & 0xFF) == 0x64 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B) {
            return ipv4Reason(Arrays.copyOfRange(a, 12, 16)); // NAT64 64:ff9b::/96
        }
        if ((a[0] & 0xFF) == 0x20 && (a[1] & 0xFF) == 0x02) {
            return ipv4Reason(Arrays.copyOfRange(a, 2, 6)); // 6to4 2002::/16
        }
        if ((a[0] & 0xFE) == 0xFC) {
            return Optional.of("unique local address (fc00::/7, includes fd00:ec2::254)");
        }
        if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0x80) {
            return Optional.of("link-local address");
        }
        if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0xC0) {
            return Optional.of("site-local address");
        }
        if ((a[0] & 0xFF) == 0xFF) {
            return Optional.of("multicast address");
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
