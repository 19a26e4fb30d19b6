package dev.osprey.dtls;

/** Why a {@link DtlsEndpoint} closed. Each one is a tag of {@code osprey.dtls.handshakes} or of the close count. */
public enum DtlsCloseReason {
    /** The peer's certificate did not hash to the fingerprint of the remote SDP. */
    FINGERPRINT_MISMATCH,
    /** The handshake did not finish within the configured timeout. */
    HANDSHAKE_TIMEOUT,
    /** The handshake failed otherwise: an alert, no common cipher suite, a malformed message. */
    HANDSHAKE_FAILED,
    /** The peer offered no SRTP protection profile Osprey accepts, or none at all (RFC 5764 §4.1.2). */
    NO_SRTP_PROFILE,
    /** The handshake executor and its queue were full. */
    OVERLOADED,
    /** The peer sent close_notify or a fatal alert after the handshake. */
    CLOSED_BY_PEER,
    /** {@link DtlsEndpoint#close()} was called. */
    CLOSED_LOCALLY
}
