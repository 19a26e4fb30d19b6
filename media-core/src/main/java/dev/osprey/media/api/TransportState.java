package dev.osprey.media.api;

/** Where one peer connection's transport is (ICE, then DTLS). */
public enum TransportState {
    /** Created; no valid ICE check yet. */
    NEW,
    /** ICE has a pair; the DTLS handshake runs. */
    CONNECTING,
    /** DTLS-SRTP keys are in place: media flows. */
    CONNECTED,
    /** Consent expired (RFC 7675); an ICE restart may bring it back. */
    DISCONNECTED,
    /** The DTLS handshake failed or the transport was closed. */
    CLOSED
}
