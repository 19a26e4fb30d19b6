package dev.osprey.signaling.sdp;

/** The {@code tcptype} candidate extension of ICE-TCP (RFC 6544 §4.5). */
public enum TcpType {
    /** Opens connections, never accepts them (browsers; the port is 9). */
    ACTIVE("active"),
    /** Accepts connections (Osprey's and LiveKit's ICE-TCP listener). */
    PASSIVE("passive"),
    /** Simultaneous open. */
    SO("so");

    private final String token;

    TcpType(String token) {
        this.token = token;
    }

    /** The type written {@code token} (any case), or {@code null}. */
    public static TcpType byToken(String token) {
        for (TcpType t : values()) {
            if (t.token.equalsIgnoreCase(token)) {
                return t;
            }
        }
        return null;
    }

    public String token() {
        return token;
    }
}
