package dev.osprey.signaling.sdp;

/**
 * The media direction attributes {@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly}, {@code a=inactive}
 * (RFC 8866 §6.7, RFC 3264 §6.1), seen from the side that wrote the description. Also the optional direction of an
 * {@code a=extmap} (RFC 8285 §8).
 */
public enum Direction implements SdpAttribute {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    /** The direction called {@code name}, or {@code null}. */
    public static Direction byName(String name) {
        for (Direction d : values()) {
            if (d.attributeName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other side: sendonly ⇄ recvonly (RFC 3264 §6.1). */
    public Direction reverse() {
        return of(receives, sends);
    }

    /**
     * The answer's direction for this offered direction when the answerer is willing to send ({@code canSend})
     * and/or receive ({@code canReceive}) (RFC 3264 §6.1).
     */
    public Direction answer(boolean canSend, boolean canReceive) {
        return of(receives && canSend, sends && canReceive);
    }

    @Override
    public String attributeName() {
        return attributeName;
    }

    @Override
    public String attributeValue() {
        return null;
    }
}
