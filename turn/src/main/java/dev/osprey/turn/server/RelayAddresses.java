package dev.osprey.turn.server;

import dev.osprey.stun.attribute.AddressFamily;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Where relay sockets bind and what XOR-RELAYED-ADDRESS advertises, per address family (RFC 8656 §7.2,
 * REQUESTED-ADDRESS-FAMILY). Relay sockets bind the family's wildcard address on the chosen port, so that a server
 * behind a 1:1 NAT can advertise its public address; the advertised address is the configured one.
 */
public final class RelayAddresses {
    private final Optional<InetAddress> ipv4;
    private final Optional<InetAddress> ipv6;

    /** @param advertised at most one address per family */
    public RelayAddresses(List<InetAddress> advertised) {
        this.ipv4 = advertised.stream().filter(a -> a instanceof Inet4Address).findFirst();
        this.ipv6 = advertised.stream().filter(a -> a instanceof Inet6Address).findFirst();
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw new IllegalArgumentException("a TURN relay needs at least one relay address");
        }
    }

    /** The advertised address of {@code family}, or empty when the server relays no such family (440). */
    public Optional<InetAddress> advertised(AddressFamily family) {
        return family == AddressFamily.IPV4 ? ipv4 : ipv6;
    }

    /** The socket address a relay socket of {@code family} binds for {@code port}. */
    public InetSocketAddress bindAddress(AddressFamily family, int port) {
        return new InetSocketAddress(family == AddressFamily.IPV4 ? wildcard4() : wildcard6(), port);
    }

    private static InetAddress wildcard4() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress wildcard6() {
        try {
            return InetAddress.getByAddress(new byte[16]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
