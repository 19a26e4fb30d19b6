package dev.osprey.media.api;

import java.util.Objects;

/**
 * One local ICE candidate of a peer connection (RFC 8839 §5.1), for signaling to put into SDP and trickle messages.
 * Osprey is an ICE-lite server: its candidates are host candidates on the shared UDP port and (passive) ICE-TCP.
 *
 * @param foundation candidate foundation
 * @param component  1 (RTP; RTCP is multiplexed)
 * @param protocol   {@code udp} or {@code tcp}
 * @param priority   RFC 8445 §5.1.2 priority
 * @param address    IP address literal
 * @param port       port
 * @param type       {@code host}
 * @param tcpType    {@code passive} for ICE-TCP (RFC 6544 §4.5), empty for UDP
 */
public record TransportCandidate(String foundation, int component, String protocol, long priority, String address,
                                 int port, String type, String tcpType) {
    public TransportCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tcpType, "tcpType");
        if (port < 1 || port > 65535 || component < 1 || priority < 0 || priority > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("bad candidate " + address + ":" + port);
        }
    }
}
