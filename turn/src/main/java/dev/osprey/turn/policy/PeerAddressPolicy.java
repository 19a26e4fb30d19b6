package dev.osprey.turn.policy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which peers a client may reach through the relay (RFC 8656 §21.2.2 and §21.3, "the server should not relay to
 * addresses it does not intend to"): loopback, private, link-local, multicast, broadcast and unspecified addresses
 * are refused with 403 unless a configured {@code allow_restricted_peer_cidrs} block contains them, as LiveKit's
 * embedded TURN does. Without this a client could use the relay to scan the server's own network.
 */
public final class PeerAddressPolicy {
    private static final List<Cidr> RESTRICTED = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"),
            Cidr.parse("ff00::/8"));
    private final List<Cidr> allowed;

    /** @param allowedRestricted restricted blocks the operator opens anyway (tests on loopback, private LANs) */
    public PeerAddressPolicy(List<Cidr> allowedRestricted) {
        this.allowed = List.copyOf(allowedRestricted);
    }

    /** Whether a client may create a permission or channel to {@code peer}. */
    public boolean permits(InetAddress peer) {
        if (!isRestricted(peer)) {
            return true;
        }
        for (Cidr block : allowed) {
            if (block.contains(peer)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code address} is in one of the blocks refused by default. */
    public static boolean isRestricted(InetAddress address) {
        InetAddress plain = unmapped(address);
        for (Cidr block : RESTRICTED) {
            if (block.contains(plain)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16 || !isV4Mapped(bytes)) {
            return address;
        }
        byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
        try {
            return Inet4Address.getByAddress(v4);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }
}
