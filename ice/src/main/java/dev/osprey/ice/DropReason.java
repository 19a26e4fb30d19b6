package dev.osprey.ice;

/**
 * Why the agent dropped a packet; the {@code reason} tag of {@code osprey.ice.dropped.packets}. Dropping is
 * counted, never logged per packet.
 */
public enum DropReason {
    /** A zero-length datagram or frame. */
    EMPTY("empty"),
    /** First byte outside STUN, DTLS and RTP/RTCP (RFC 7983). */
    UNKNOWN_PROTOCOL("unknown_protocol"),
    /** DTLS or RTP/RTCP from an address no valid check came from. */
    UNKNOWN_SOURCE("unknown_source"),
    /** STUN-looking bytes that are not a well-formed message. */
    MALFORMED_STUN("malformed_stun"),
    /** FINGERPRINT present and wrong. */
    BAD_FINGERPRINT("bad_fingerprint"),
    /** A STUN message other than a Binding request or indication (responses, TURN methods, GOOG-PING). */
    UNEXPECTED_STUN("unexpected_stun"),
    /** A Binding request without USERNAME or MESSAGE-INTEGRITY (answered 400 within the error budget). */
    MISSING_CREDENTIALS("missing_credentials"),
    /** USERNAME names no local ufrag (answered 401 within the error budget). */
    UNKNOWN_UFRAG("unknown_ufrag"),
    /** MESSAGE-INTEGRITY does not match the ufrag's password (answered 401 within the error budget). */
    BAD_INTEGRITY("bad_integrity"),
    /** The transport was closed, or the pair lost consent, while the packet was on its way. */
    TRANSPORT_CLOSED("transport_closed"),
    /** An outgoing packet with no selected pair, or after consent was lost. */
    NOT_CONNECTED("not_connected");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
