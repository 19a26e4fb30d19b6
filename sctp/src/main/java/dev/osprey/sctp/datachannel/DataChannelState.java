package dev.osprey.sctp.datachannel;

/** The life of a data channel (the RTCDataChannel states of W3C WebRTC, driven by RFC 8831 §6.7). */
public enum DataChannelState {
    CONNECTING,
    OPEN,
    /** Our outgoing stream and/or the peer's is being reset. */
    CLOSING,
    CLOSED
}
