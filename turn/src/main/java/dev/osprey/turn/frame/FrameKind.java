package dev.osprey.turn.frame;

/** What a frame arriving on a TURN listener is, judged by its first byte (RFC 8656 §12, RFC 7983). */
public enum FrameKind {
    /** A STUN message: the two most significant bits are zero (RFC 8489 §5). */
    STUN,
    /**
     * A ChannelData message: first byte 0x40–0x7F, channel numbers 0x4000–0x7FFF (RFC 8656 §12.4 allows 0x4FFF,
     * RFC 5766 and its clients 0x7FFF; see {@link ChannelData#MAX_CHANNEL_NUMBER}).
     */
    CHANNEL_DATA,
    /** Anything else (RTP, RTCP, garbage, a truncated message): never relayed. */
    INVALID
}
