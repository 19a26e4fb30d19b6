package dev.osprey.media.api;

/**
 * How a data message travels (LiveKit {@code DataPacket.Kind}). Decided by the options of the channel it arrived on
 * or is sent on, not by its label: a fully reliable channel (no retransmission or lifetime limit, RFC 8831 §6.1,
 * LiveKit's {@code _reliable}) is {@link #RELIABLE}; a partially reliable one (RFC 3758, LiveKit's {@code _lossy}:
 * unordered, maxRetransmits 0) is {@link #LOSSY}.
 */
public enum DataReliability {
    /** Delivered once and in order, or the receiver is disconnected: chat, RPC, data streams. */
    RELIABLE,
    /** Sent once; dropped when the receiver's buffer is full or the network loses it. */
    LOSSY
}
