package dev.osprey.ice;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A local host candidate (RFC 8445 §5.1.1.1) as a typed value: UDP, or TCP passive (RFC 6544 §4.5). Signaling
 * renders it with {@link #toSdpAttribute()}.
 *
 * @param foundation same for candidates of the same type, base address and protocol (RFC 8445 §5.1.1.3)
 * @param componentId 1: WebRTC multiplexes RTP and RTCP on one component
 * @param priority    as RFC 8445 §5.1.2.1 computes it, with RFC 6544 §4.2 local preferences for TCP
 */
public record IceCandidate(String foundation, int componentId, TransportProtocol protocol, long priority,
                           InetSocketAddress address) {
    /** RFC 8445 §5.1.2.2: the recommended type preference of host candidates. */
    public static final int HOST_TYPE_PREFERENCE = 126;
    /** RFC 6544 §4.2: recommended direction preference of a passive host candidate (active 6, S-O 2). */
    public static final int PASSIVE_DIRECTION_PREFERENCE = 4;

    public IceCandidate {
        if (foundation == null || foundation.isEmpty() || foundation.length() > 32) {
            throw new IllegalArgumentException("foundation must have 1-32 characters");
        }
        if (componentId < 1 || componentId > 256) {
            throw new IllegalArgumentException("component ID out of range: " + componentId);
        }
        if (priority < 1 || priority > 0x7FFFFFFFL) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
        if (address == null || address.isUnresolved()) {
            throw new IllegalArgumentException("a candidate needs a resolved address");
        }
    }

    /**
     * A host candidate on {@code address}; {@code index} ranks the address among this agent's addresses (0 is the
     * most preferred) and becomes the local preference.
     */
    public static IceCandidate host(TransportProtocol protocol, InetSocketAddress address, int index) {
        return new IceCandidate(foundation(protocol, address), 1, protocol,
                priority(HOST_TYPE_PREFERENCE, localPreference(protocol, index), 1), address);
    }

    /** RFC 8445 §5.1.2.1: 2^24 type preference + 2^8 local preference + (256 - component ID). */
    public static long priority(int typePreference, int localPreference, int componentId) {
        if (typePreference < 0 || typePreference > 126 || localPreference < 0 || localPreference > 65535) {
            throw new IllegalArgumentException("preference out of range");
        }
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
    }

    /**
     * UDP: 65535 for the first address, one less for each next (RFC 8445 §5.1.2.1 wants distinct values per
     * address). TCP: 2^13 * direction preference + other preference (RFC 6544 §4.2), which keeps every TCP
     * candidate below every UDP one, as RFC 6544 recommends.
     */
    static int localPreference(TransportProtocol protocol, int index) {
        if (index < 0 || index > 8191) {
            throw new IllegalArgumentException("address index out of range: " + index);
        }
        return protocol == TransportProtocol.UDP
                ? 65535 - index
                : (PASSIVE_DIRECTION_PREFERENCE << 13) + (8191 - index);
    }

    /** A short, stable foundation from the type, base address and protocol. */
    private static String foundation(TransportProtocol protocol, InetSocketAddress address) {
        CRC32 crc = new CRC32();
        crc.update(("host/" + protocol.sdpToken() + "/" + address.getAddress().getHostAddress())
                .getBytes(StandardCharsets.US_ASCII));
        return Long.toString(crc.getValue());
    }

    /**
     * The SDP candidate-attribute value, without the leading "a=" (RFC 8839 §5.1, RFC 6544 §4.5):
     * {@code candidate:<foundation> <component> <transport> <priority> <address> <port> typ host [tcptype passive]}.
     */
    public String toSdpAttribute() {
        String ip = address.getAddress() instanceof Inet6Address v6 ? stripScope(v6.getHostAddress())
                : address.getAddress().getHostAddress();
        StringBuilder sb = new StringBuilder("candidate:").append(foundation).append(' ').append(componentId)
                .append(' ').append(protocol.sdpToken()).append(' ').append(priority).append(' ').append(ip)
                .append(' ').append(address.getPort()).append(" typ host");
        if (protocol == TransportProtocol.TCP) {
            sb.append(" tcptype passive");
        }
        return sb.toString();
    }

    private static String stripScope(String ip) {
        int percent = ip.indexOf('%');
        return percent < 0 ? ip : ip.substring(0, percent);
    }
}
