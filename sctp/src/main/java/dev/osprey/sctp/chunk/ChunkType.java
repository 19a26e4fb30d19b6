package dev.osprey.sctp.chunk;

import java.util.HashMap;
import java.util.Map;

/**
 * The IANA "Chunk Types" registry (RFC 9260 §3.2, RFC 3758, RFC 6525, RFC 8260): an open enum, so a code this
 * implementation does not know still has a value whose {@link #action()} tells the receiver what to do with it.
 */
public final class ChunkType {
    private static final Map<Integer, ChunkType> KNOWN = new HashMap<>();

    public static final ChunkType DATA = known(0, "DATA");
    public static final ChunkType INIT = known(1, "INIT");
    public static final ChunkType INIT_ACK = known(2, "INIT_ACK");
    public static final ChunkType SACK = known(3, "SACK");
    public static final ChunkType HEARTBEAT = known(4, "HEARTBEAT");
    public static final ChunkType HEARTBEAT_ACK = known(5, "HEARTBEAT_ACK");
    public static final ChunkType ABORT = known(6, "ABORT");
    public static final ChunkType SHUTDOWN = known(7, "SHUTDOWN");
    public static final ChunkType SHUTDOWN_ACK = known(8, "SHUTDOWN_ACK");
    public static final ChunkType ERROR = known(9, "ERROR");
    public static final ChunkType COOKIE_ECHO = known(10, "COOKIE_ECHO");
    public static final ChunkType COOKIE_ACK = known(11, "COOKIE_ACK");
    public static final ChunkType SHUTDOWN_COMPLETE = known(14, "SHUTDOWN_COMPLETE");
    public static final ChunkType I_DATA = known(64, "I_DATA");
    public static final ChunkType RE_CONFIG = known(130, "RE_CONFIG");
    public static final ChunkType FORWARD_TSN = known(192, "FORWARD_TSN");
    public static final ChunkType I_FORWARD_TSN = known(194, "I_FORWARD_TSN");

    private final int code;
    private final String name;

    private ChunkType(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static ChunkType known(int code, String name) {
        ChunkType type = new ChunkType(code, name);
        KNOWN.put(code, type);
        return type;
    }

    /** The type for {@code code} (0–255); unknown codes get a fresh instance carrying the code. */
    public static ChunkType valueOf(int code) {
        ChunkType type = KNOWN.get(code);
        return type != null ? type : new ChunkType(code & 0xFF, "UNKNOWN_" + (code & 0xFF));
    }

    public int code() {
        return code;
    }

    public boolean isKnown() {
        return KNOWN.get(code) == this;
    }

    /** RFC 9260 §3.2: the two highest bits of an unrecognized chunk type say how to treat it. */
    public UnrecognizedAction action() {
        return UnrecognizedAction.ofHighBits(code >>> 6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkType other && other.code == code;
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
