package dev.osprey.srtp;

/**
 * Outcome of one protect or unprotect call. Everything but {@link #OK} means the packet was dropped (and counted);
 * the buffer's readable bytes are then unspecified and the caller releases it.
 */
public enum SrtpStatus {
    /** Transformed in place; the buffer's writer index reflects the new length. */
    OK,
    /** Shorter than a header plus the tag (and, for SRTCP, the E/index word). */
    TRUNCATED,
    /** Not RTP/RTCP version 2, or a header (CSRCs, extension) longer than the packet. */
    MALFORMED,
    /** The authentication tag did not verify (RFC 3711 §3.3 step 5, RFC 7714 §7.2). */
    AUTH_FAILED,
    /** Replay protection is on and the index was seen already or is behind the window (RFC 3711 §3.3.2). */
    REPLAYED,
    /** A new SSRC beyond the session's stream cap. */
    TOO_MANY_STREAMS,
    /** Protect needs writable bytes after the packet for the tag (and SRTCP E/index word). */
    NO_TAIL_ROOM,
    /** The packet index cannot be used: SRTCP index space exhausted or the cipher refused an IV reuse. */
    INDEX_EXHAUSTED,
    /** Larger than {@link SrtpSession#MAX_PACKET_BYTES}. */
    TOO_LARGE
}
