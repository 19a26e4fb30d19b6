package dev.osprey.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * STUN error codes, an open enum over the IANA "STUN Error Codes" registry (RFC 8489 §14.8 and §18.4, RFC 8656 §17,
 * RFC 8445 §20.2, RFC 6062, RFC 8016): any code 300–699 is accepted and kept, each registered one carries its
 * recommended reason phrase.
 */
public final class StunErrorCode {
    private static final List<StunErrorCode> REGISTERED = new ArrayList<>();

    public static final StunErrorCode TRY_ALTERNATE = register(300, "Try Alternate");
    public static final StunErrorCode BAD_REQUEST = register(400, "Bad Request");
    public static final StunErrorCode UNAUTHENTICATED = register(401, "Unauthenticated");
    public static final StunErrorCode FORBIDDEN = register(403, "Forbidden");
    public static final StunErrorCode MOBILITY_FORBIDDEN = register(405, "Mobility Forbidden");
    public static final StunErrorCode UNKNOWN_ATTRIBUTE = register(420, "Unknown Attribute");
    public static final StunErrorCode ALLOCATION_MISMATCH = register(437, "Allocation Mismatch");
    public static final StunErrorCode STALE_NONCE = register(438, "Stale Nonce");
    public static final StunErrorCode ADDRESS_FAMILY_NOT_SUPPORTED = register(440, "Address Family not Supported");
    public static final StunErrorCode WRONG_CREDENTIALS = register(441, "Wrong Credentials");
    public static final StunErrorCode UNSUPPORTED_TRANSPORT_PROTOCOL = register(442, "Unsupported Transport Protocol");
    public static final StunErrorCode PEER_ADDRESS_FAMILY_MISMATCH = register(443, "Peer Address Family Mismatch");
    public static final StunErrorCode CONNECTION_ALREADY_EXISTS = register(446, "Connection Already Exists");
    public static final StunErrorCode CONNECTION_TIMEOUT_OR_FAILURE = register(447, "Connection Timeout or Failure");
    public static final StunErrorCode ALLOCATION_QUOTA_REACHED = register(486, "Allocation Quota Reached");
    public static final StunErrorCode ROLE_CONFLICT = register(487, "Role Conflict");
    public static final StunErrorCode SERVER_ERROR = register(500, "Server Error");
    public static final StunErrorCode INSUFFICIENT_CAPACITY = register(508, "Insufficient Capacity");

    private static final CodeTable<StunErrorCode> TABLE = CodeTable.of(REGISTERED, StunErrorCode::code);

    /** The ERROR-CODE attribute carries a class 3–6 and a number 0–99 (RFC 8489 §14.8). */
    public static final int MIN_CODE = 300;
    public static final int MAX_CODE = 699;

    private final int code;
    private final String reasonPhrase;
    private final boolean registered;

    private StunErrorCode(int code, String reasonPhrase, boolean registered) {
        this.code = code;
        this.reasonPhrase = reasonPhrase;
        this.registered = registered;
    }

    private static StunErrorCode register(int code, String reason) {
        StunErrorCode c = new StunErrorCode(code, reason, true);
        REGISTERED.add(c);
        return c;
    }

    /** The registered code, or a value that keeps an unknown code in 300–699. */
    public static StunErrorCode valueOf(int code) {
        if (code < MIN_CODE || code > MAX_CODE) {
            throw new IllegalArgumentException("STUN error code out of range 300-699: " + code);
        }
        StunErrorCode known = TABLE.find(code);
        return known != null ? known : new StunErrorCode(code, "Error " + code, false);
    }

    public static List<StunErrorCode> registered() {
        return TABLE.all();
    }

    public int code() {
        return code;
    }

    /** The hundreds digit, 3–6. */
    public int errorClass() {
        return code / 100;
    }

    /** The code modulo 100. */
    public int number() {
        return code % 100;
    }

    /** The IANA-recommended reason phrase, or a generic one for an unregistered code. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    public boolean isRegistered() {
        return registered;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunErrorCode other && other.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return code + " " + reasonPhrase;
    }
}
