package dev.osprey.signaling.sdp;

/** The {@code send}/{@code recv} direction of an RTP stream in {@code a=rid} (RFC 8851 §10) and {@code a=simulcast} (RFC 8853 §5.1). */
public enum StreamDirection {
    SEND("send"),
    RECV("recv");

    private final String token;

    StreamDirection(String token) {
        this.token = token;
    }

    /** The direction written {@code token} (case-sensitive, RFC 8851 uses {@code %s}), or {@code null}. */
    public static StreamDirection byToken(String token) {
        for (StreamDirection d : values()) {
            if (d.token.equals(token)) {
                return d;
            }
        }
        return null;
    }

    public String token() {
        return token;
    }

    /** The other side's view: what one side sends the other receives. */
    public StreamDirection reverse() {
        return this == SEND ? RECV : SEND;
    }
}
