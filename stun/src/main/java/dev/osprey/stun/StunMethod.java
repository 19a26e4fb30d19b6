package dev.osprey.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * STUN methods, an open enum over the IANA "STUN Methods" registry (RFC 8489 §18.2, RFC 8656 §17, RFC 6062 §6.1):
 * {@link #valueOf(int)} returns the registered constant or a fresh value that keeps an unknown 12-bit code, so a
 * message with a method this code base has never heard of still decodes and re-encodes unchanged.
 */
public final class StunMethod {
    private static final List<StunMethod> REGISTERED = new ArrayList<>();

    public static final StunMethod BINDING = register(0x001, "Binding");
    public static final StunMethod ALLOCATE = register(0x003, "Allocate");
    public static final StunMethod REFRESH = register(0x004, "Refresh");
    public static final StunMethod SEND = register(0x006, "Send");
    public static final StunMethod DATA = register(0x007, "Data");
    public static final StunMethod CREATE_PERMISSION = register(0x008, "CreatePermission");
    public static final StunMethod CHANNEL_BIND = register(0x009, "ChannelBind");
    public static final StunMethod CONNECT = register(0x00A, "Connect");
    public static final StunMethod CONNECTION_BIND = register(0x00B, "ConnectionBind");
    public static final StunMethod CONNECTION_ATTEMPT = register(0x00C, "ConnectionAttempt");
    /** Registered for Google's lightweight ICE keep-alive (IANA, 2019). */
    public static final StunMethod GOOG_PING = register(0x080, "GOOG-PING");

    private static final CodeTable<StunMethod> TABLE = CodeTable.of(REGISTERED, StunMethod::code);

    /** The largest method number: methods are 12 bits wide. */
    public static final int MAX_CODE = 0xFFF;

    private final int code;
    private final String name;
    private final boolean registered;

    private StunMethod(int code, String name, boolean registered) {
        this.code = code;
        this.name = name;
        this.registered = registered;
    }

    private static StunMethod register(int code, String name) {
        StunMethod m = new StunMethod(code, name, true);
        REGISTERED.add(m);
        return m;
    }

    /** The registered method for {@code code}, or a value that carries the unknown code. */
    public static StunMethod valueOf(int code) {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("STUN method out of range: " + code);
        }
        StunMethod known = TABLE.find(code);
        return known != null ? known : new StunMethod(code, String.format("0x%03X", code), false);
    }

    /** Every registered method. */
    public static List<StunMethod> registered() {
        return TABLE.all();
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isRegistered() {
        return registered;
    }

    /**
     * The 14-bit message type for this method in class {@code c}: the method's bits M11..M0 are split around the
     * class bits C1 (bit 8) and C0 (bit 4), RFC 8489 §5 figure 3.
     */
    public int messageType(StunClass c) {
        int m = code;
        int cls = c.bits();
        return (m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) | ((cls & 0b01) << 4) | ((cls & 0b10) << 7);
    }

    /** The method number carried in a 14-bit message type. */
    public static int codeOfMessageType(int messageType) {
        return (messageType & 0x000F) | ((messageType >> 1) & 0x0070) | ((messageType >> 2) & 0x0F80);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunMethod other && other.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
