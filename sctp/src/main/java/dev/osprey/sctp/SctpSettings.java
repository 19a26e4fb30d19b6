package dev.osprey.sctp;

/**
 * Settings of the SCTP endpoint: protocol parameters of RFC 9260 §16 (tuned for WebRTC where noted) and the bounds
 * of every buffer an association keeps.
 *
 * @param localPort                  our SCTP port (RFC 8841 {@code a=sctp-port}, 5000 by default)
 * @param remotePort                 the peer's SCTP port
 * @param maxPacketBytes             largest SCTP packet we send; ~1200 fits a DTLS record in one UDP datagram on
 *                                   any path (RFC 8261 §5, RFC 8831 §6.6)
 * @param maxOutboundStreams         OS we announce in INIT
 * @param maxInboundStreams          MIS we announce in INIT
 * @param receiveBufferBytes         receive window: reassembly and undelivered messages together (a_rwnd)
 * @param sendBufferBytes            bytes of messages accepted by send() and not yet acknowledged or abandoned
 * @param maxMessageBytes            largest message we accept: our {@code a=max-message-size} (RFC 8841 §6)
 * @param maxOutOfOrderTsns          how far past the cumulative TSN a DATA chunk may be and still be kept; a power
 *                                   of two
 * @param rtoInitialMillis           RTO.Initial (RFC 9260 §16: 1 s)
 * @param rtoMinMillis               RTO.Min; below the RFC's 1 s because data channels are interactive, but above
 *                                   the peer's delayed-SACK time (200 ms usual) plus an RTT, or the last packet of
 *                                   every burst would time out before its SACK arrives
 * @param rtoMaxMillis               RTO.Max (RFC: 60 s; shorter so a dead peer is noticed sooner)
 * @param maxInitRetransmits         Max.Init.Retransmits (RFC: 8)
 * @param maxAssociationRetransmits  Association.Max.Retrans (RFC: 10)
 * @param cookieLifetimeMillis       Valid.Cookie.Life (RFC: 60 s)
 * @param heartbeatIntervalMillis    HB.interval (RFC: 30 s)
 * @param sackDelayMillis            delayed SACK timer (RFC: at most 500 ms; 200 ms usual)
 * @param maxGapBlocksReported       gap ack blocks one SACK carries at most
 * @param maxDuplicatesReported      duplicate TSNs one SACK carries at most
 * @param interleaving               offer I-DATA (RFC 8260) so messages of different streams interleave; used
 *                                   only when the peer offers it too. Off by default until exercised against
 *                                   browsers by the interop harness
 */
public record SctpSettings(int localPort, int remotePort, int maxPacketBytes, int maxOutboundStreams,
                           int maxInboundStreams, long receiveBufferBytes, long sendBufferBytes, long maxMessageBytes,
                           int maxOutOfOrderTsns, long rtoInitialMillis, long rtoMinMillis, long rtoMaxMillis,
                           int maxInitRetransmits, int maxAssociationRetransmits, long cookieLifetimeMillis,
                           long heartbeatIntervalMillis, long sackDelayMillis, int maxGapBlocksReported,
                           int maxDuplicatesReported, boolean interleaving) {
    /** RFC 8841 §4 default {@code a=sctp-port}. */
    public static final int DEFAULT_PORT = 5000;
    /** RFC 8841 §6.1: the max-message-size assumed when the peer does not announce one. */
    public static final long DEFAULT_REMOTE_MAX_MESSAGE_BYTES = 65_536;

    public SctpSettings {
        require(localPort > 0 && localPort <= 0xFFFF && remotePort > 0 && remotePort <= 0xFFFF, "ports");
        require(maxPacketBytes >= 256 && maxPacketBytes <= 16_384, "maxPacketBytes in [256, 16384]");
        require(maxOutboundStreams >= 1 && maxOutboundStreams <= 0xFFFF, "maxOutboundStreams in [1, 65535]");
        require(maxInboundStreams >= 1 && maxInboundStreams <= 0xFFFF, "maxInboundStreams in [1, 65535]");
        require(maxMessageBytes >= 1, "maxMessageBytes >= 1");
        // a message is delivered only when complete, so the window must hold the largest one plus a packet
        require(receiveBufferBytes >= maxMessageBytes + maxPacketBytes && receiveBufferBytes <= 0xFFFF_FFFFL,
                "receiveBufferBytes >= maxMessageBytes + maxPacketBytes");
        require(sendBufferBytes >= 1, "sendBufferBytes >= 1");
        require(Integer.bitCount(maxOutOfOrderTsns) == 1 && maxOutOfOrderTsns >= 64 && maxOutOfOrderTsns <= 1 << 20,
                "maxOutOfOrderTsns a power of two in [64, 2^20]");
        require(rtoMinMillis >= 1 && rtoMinMillis <= rtoInitialMillis && rtoInitialMillis <= rtoMaxMillis, "RTOs");
        require(maxInitRetransmits >= 1 && maxAssociationRetransmits >= 1, "retransmit limits >= 1");
        require(cookieLifetimeMillis >= 1 && heartbeatIntervalMillis >= 1, "lifetimes >= 1");
        require(sackDelayMillis >= 0 && sackDelayMillis <= 500, "sackDelayMillis in [0, 500] (RFC 9260 §6.2)");
        require(maxGapBlocksReported >= 1 && maxDuplicatesReported >= 0, "SACK report limits");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("invalid SCTP settings: " + what);
        }
    }

    /** Defaults for WebRTC data channels. */
    public static SctpSettings defaults() {
        return new SctpSettings(DEFAULT_PORT, DEFAULT_PORT, 1200, 1024, 1024, 1 << 20, 4 << 20, 262_144, 8192,
                1000, 400, 10_000, 8, 10, 60_000, 30_000, 200, 64, 32, false);
    }

    public SctpSettings withBuffers(long receiveBufferBytes, long sendBufferBytes, long maxMessageBytes) {
        return new SctpSettings(localPort, remotePort, maxPacketBytes, maxOutboundStreams, maxInboundStreams,
                receiveBufferBytes, sendBufferBytes, maxMessageBytes, maxOutOfOrderTsns, rtoInitialMillis,
                rtoMinMillis, rtoMaxMillis, maxInitRetransmits, maxAssociationRetransmits, cookieLifetimeMillis,
                heartbeatIntervalMillis, sackDelayMillis, maxGapBlocksReported, maxDuplicatesReported, interleaving);
    }

    public SctpSettings withTimers(long rtoInitialMillis, long rtoMinMillis, long rtoMaxMillis,
                                   long heartbeatIntervalMillis, long cookieLifetimeMillis) {
        return new SctpSettings(localPort, remotePort, maxPacketBytes, maxOutboundStreams, maxInboundStreams,
                receiveBufferBytes, sendBufferBytes, maxMessageBytes, maxOutOfOrderTsns, rtoInitialMillis,
                rtoMinMillis, rtoMaxMillis, maxInitRetransmits, maxAssociationRetransmits, cookieLifetimeMillis,
                heartbeatIntervalMillis, sackDelayMillis, maxGapBlocksReported, maxDuplicatesReported, interleaving);
    }

    public SctpSettings withPorts(int localPort, int remotePort) {
        return new SctpSettings(localPort, remotePort, maxPacketBytes, maxOutboundStreams, maxInboundStreams,
                receiveBufferBytes, sendBufferBytes, maxMessageBytes, maxOutOfOrderTsns, rtoInitialMillis,
                rtoMinMillis, rtoMaxMillis, maxInitRetransmits, maxAssociationRetransmits, cookieLifetimeMillis,
                heartbeatIntervalMillis, sackDelayMillis, maxGapBlocksReported, maxDuplicatesReported, interleaving);
    }

    public SctpSettings withInterleaving(boolean enabled) {
        return new SctpSettings(localPort, remotePort, maxPacketBytes, maxOutboundStreams, maxInboundStreams,
                receiveBufferBytes, sendBufferBytes, maxMessageBytes, maxOutOfOrderTsns, rtoInitialMillis,
                rtoMinMillis, rtoMaxMillis, maxInitRetransmits, maxAssociationRetransmits, cookieLifetimeMillis,
                heartbeatIntervalMillis, sackDelayMillis, maxGapBlocksReported, maxDuplicatesReported, enabled);
    }

    /** Largest user-data payload of one DATA chunk: the packet minus the common header and the DATA header. */
    public int maxFragmentBytes() {
        return (maxPacketBytes - 12 - 16) & ~3;
    }

    /** Largest user-data payload of one I-DATA chunk, whose header is 4 bytes longer (RFC 8260 §2.1). */
    public int maxInterleavedFragmentBytes() {
        return (maxPacketBytes - 12 - 20) & ~3;
    }
}
