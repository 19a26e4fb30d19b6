package dev.osprey.turn.metrics;

/**
 * Why the server answered a request with an error response (RFC 8656 §19, RFC 8489 §14.8, RFC 6062 §6.3), with the
 * error code and the metric tag. The 401 challenge to a request without credentials is the normal first step of
 * authentication and is not a refusal.
 */
public enum Refusal {
    BAD_REQUEST(400, "Bad Request", "bad_request"),
    WRONG_PASSWORD(401, "Unauthenticated", "unauthenticated"),
    FORBIDDEN_PEER(403, "Forbidden", "forbidden_peer"),
    UNKNOWN_ATTRIBUTE(420, "Unknown Attribute", "unknown_attribute"),
    ALLOCATION_MISMATCH(437, "Allocation Mismatch", "allocation_mismatch"),
    STALE_NONCE(438, "Stale Nonce", "stale_nonce"),
    ADDRESS_FAMILY_NOT_SUPPORTED(440, "Address Family not Supported", "address_family_not_supported"),
    WRONG_CREDENTIALS(441, "Wrong Credentials", "wrong_credentials"),
    UNSUPPORTED_TRANSPORT(442, "Unsupported Transport Protocol", "unsupported_transport"),
    PEER_ADDRESS_FAMILY_MISMATCH(443, "Peer Address Family Mismatch", "peer_address_family_mismatch"),
    /** RFC 6062 §5.2: a Connect to a peer this allocation is already connecting or connected to. */
    CONNECTION_ALREADY_EXISTS(446, "Connection Already Exists", "connection_already_exists"),
    /** RFC 6062 §5.2: the outgoing TCP connection to the peer failed or timed out. */
    CONNECTION_TIMEOUT_OR_FAILURE(447, "Connection Timeout or Failure", "connection_timeout_or_failure"),
    ALLOCATION_QUOTA_REACHED(486, "Allocation Quota Reached", "allocation_quota_reached"),
    SERVER_ERROR(500, "Server Error", "server_error"),
    INSUFFICIENT_CAPACITY(508, "Insufficient Capacity", "insufficient_capacity");

    private final int code;
    private final String reasonPhrase;
    private final String tag;

    Refusal(int code, String reasonPhrase, String tag) {
        this.code = code;
        this.reasonPhrase = reasonPhrase;
        this.tag = tag;
    }

    /** The STUN error code. */
    public int code() {
        return code;
    }

    /** The reason phrase RFC 8489/8656 suggest for the code. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The value of the {@code reason} tag of {@code osprey.turn.refusals}. */
    public String tag() {
        return tag;
    }
}
