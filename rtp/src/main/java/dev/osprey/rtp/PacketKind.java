package dev.osprey.rtp;

/** What a datagram on a multiplexed WebRTC port is, by the RFC 7983 §7 first-byte ranges. */
public enum PacketKind {
    /** First byte 0–3: STUN (RFC 8489). */
    STUN,
    /** First byte 16–19: ZRTP (RFC 6189); never used by WebRTC, recognised so it is not mistaken for anything else. */
    ZRTP,
    /** First byte 20–63: DTLS records (RFC 9147 §4.1 widens RFC 5764's 20–63 range). */
    DTLS,
    /** First byte 64–79: TURN ChannelData (RFC 8656 §12). */
    TURN_CHANNEL,
    /** First byte 128–191 with a payload type outside 64–95: RTP. */
    RTP,
    /** First byte 128–191 with a second byte (marker bit masked) in 64–95, i.e. packet type 192–223: RTCP. */
    RTCP,
    /** Empty, or a first byte in none of the ranges above. */
    UNKNOWN
}
