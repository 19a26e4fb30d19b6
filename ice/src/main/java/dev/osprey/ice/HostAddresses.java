package dev.osprey.ice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The addresses host candidates advertise (RFC 8445 §5.1.1.1): the configured node IPs if any; else the bind
 * address if it is a specific one (loopback included, for tests and single-host setups); else the machine's
 * up, non-loopback, non-link-local addresses, IPv4 first, IPv6 only when the sockets are bound to the IPv6
 * wildcard (an IPv4 wildcard socket cannot receive IPv6), falling back to loopback on a machine with nothing else.
 */
final class HostAddresses {
    private HostAddresses() {
    }

    static List<InetAddress> advertised(IceSettings settings) {
        try {
            if (!settings.nodeIps().isEmpty()) {
                List<InetAddress> out = new ArrayList<>();
                for (String ip : settings.nodeIps()) {
                    out.add(literal(ip));
                }
                return List.copyOf(out);
            }
            InetAddress bind = literal(settings.bindAddress());
            if (!bind.isAnyLocalAddress()) {
                return List.of(bind);
            }
            boolean ipv6 = settings.includeIpv6() && bind instanceof Inet6Address;
            List<InetAddress> detected = detect(ipv6);
            return detected.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : detected;
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces", e);
        }
    }

    private static List<InetAddress> detect(boolean ipv6) throws SocketException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            nif.inetAddresses()
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isMulticastAddress())
                    .filter(a -> a instanceof Inet4Address || ipv6)
                    .forEach(out::add);
        }
        out.sort(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
        return List.copyOf(out);
    }

    /** Parses an IP literal; host names are refused so that configuration never waits on DNS. */
    static InetAddress literal(String ip) {
        String s = ip.trim();
        boolean looksLiteral = s.indexOf(':') >= 0 || s.matches("[0-9.]+");
        if (!looksLiteral) {
            throw new IllegalArgumentException("not an IP address literal: " + ip);
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + ip, e);
        }
    }
}
