package dev.osprey.sctp;

/**
 * What the SCTP endpoint counts: dropped input by reason, and protocol events worth watching. Micrometer names are
 * {@code osprey.sctp.<lower-case name with dots>} when the server binds them.
 */
public enum SctpCounter {
    PACKETS_RECEIVED,
    PACKETS_SENT,
    /** RFC 9260 §6.8: checksum mismatch. */
    BAD_CHECKSUM,
    /** A chunk or parameter length points past the end of the packet. */
    LENGTH_PAST_END,
    /** Any other layout violation of a packet, chunk or DCEP message. */
    MALFORMED,
    /** RFC 9260 §8.5: wrong verification tag, or a packet for a closed association. */
    BAD_VERIFICATION_TAG,
    /** Ports other than the ones negotiated (RFC 8841 sctp-port). */
    BAD_PORT,
    /** A TSN beyond the out-of-order window, or a FORWARD TSN beyond it. */
    TSN_OUT_OF_WINDOW,
    /** A State Cookie whose MAC does not verify. */
    COOKIE_INVALID,
    /** A State Cookie older than its lifetime (RFC 9260 §5.1.5). */
    COOKIE_EXPIRED,
    /** An unknown chunk type, handled by its high bits (RFC 9260 §3.2). */
    UNKNOWN_CHUNK,
    /** A chunk that is not valid in the current state, or a protocol violation by the peer. */
    UNEXPECTED_CHUNK,
    DUPLICATE_TSN,
    /** DATA dropped because the receive buffer was full. */
    RECEIVE_BUFFER_FULL,
    /** Messages rejected by send() because the send buffer was full. */
    SEND_BUFFER_FULL,
    RETRANSMITTED_CHUNKS,
    FAST_RETRANSMITS,
    T3_EXPIRATIONS,
    /** RFC 3758: messages given up under their partial-reliability policy. */
    ABANDONED_MESSAGES,
    FORWARD_TSN_SENT,
    STREAM_RESETS,
    HEARTBEATS_SENT,
    ASSOCIATIONS_ESTABLISHED,
    ASSOCIATIONS_ABORTED,
    /** Data channel messages with a PPID that is not a WebRTC one, or on a stream without a channel. */
    DATA_CHANNEL_MESSAGES_DROPPED
}
