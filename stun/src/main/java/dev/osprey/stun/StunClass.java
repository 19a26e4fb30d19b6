package dev.osprey.stun;

/**
 * The four STUN message classes (RFC 8489 §5): a closed set of two bits, C1 and C0, spread into the message type.
 */
public enum StunClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private static final StunClass[] BY_BITS = {REQUEST, INDICATION, SUCCESS_RESPONSE, ERROR_RESPONSE};

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    /** C1C0 as a two-bit number. */
    public int bits() {
        return bits;
    }

    /** The class encoded in a 14-bit message type: C1 is bit 8, C0 is bit 4 (RFC 8489 §5, figure 3). */
    public static StunClass ofMessageType(int messageType) {
        return BY_BITS[((messageType >> 7) & 0b10) | ((messageType >> 4) & 0b01)];
    }

    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }
}
