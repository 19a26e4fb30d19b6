package dev.osprey.turn.frame;

/** What a frame arriving on a TURN listener is, judged by its first byte (RFC 8656 §12, RFC 7983). */
public enum FrameKind {
    /** A STUN message: the two most significant bits are zero (RFC 8489 §5). */
    STUN,
    /** A ChannelData message: first byte 0x40–0x4F, i.e. channel numbers 0x4000–0x4FFF (RFC 8656 §12.4). */
    CHANNEL_DATA,
    /** Anything else (reserved channel ranges, RTP, DTLS, garbage): never relayed. */
    INVALID
}
