package dev.osprey.signaling.sdp;

/**
 * {@code a=setup:<role>} (RFC 4145 §4, RFC 8842 §5.1): which side opens the connection, for WebRTC which side is
 * the DTLS client ({@code active}). Offers say {@code actpass}; answers pick {@code active} or {@code passive}.
 */
public enum Setup implements SdpAttribute {
    ACTIVE("active"),
    PASSIVE("passive"),
    ACTPASS("actpass"),
    HOLDCONN("holdconn");

    public static final String NAME = "setup";

    private final String role;

    Setup(String role) {
        this.role = role;
    }

    /** Parses the attribute value (after {@code "setup:"}). */
    public static Setup parse(String value) {
        for (Setup s : values()) {
            if (s.role.equals(value)) {
                return s;
            }
        }
        throw new SdpParseException("a=setup: role must be active, passive, actpass or holdconn, not \"" + value
                + "\"");
    }

    /**
     * The answer to an offer with this role (RFC 8842 §5.2, RFC 4145 §4.1): {@code actpass} and {@code passive}
     * are answered {@code active}, {@code active} is answered {@code passive}.
     */
    public Setup answer() {
        return switch (this) {
            case ACTPASS, PASSIVE -> ACTIVE;
            case ACTIVE -> PASSIVE;
            case HOLDCONN -> HOLDCONN;
        };
    }

    /** Whether this side is the DTLS client. */
    public boolean isDtlsClient() {
        return this == ACTIVE;
    }

    public String role() {
        return role;
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return role;
    }
}
