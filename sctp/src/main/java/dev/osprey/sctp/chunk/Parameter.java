package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * A variable-length parameter of an INIT or INIT ACK chunk, or a heartbeat info (RFC 9260 §3.2.1): type, length
 * and value, padded to 4 bytes. The association interprets the types it knows ({@link ParameterType}).
 */
public record Parameter(int type, OpaqueValue value) {
    public static final int HEADER_LENGTH = 4;

    public Parameter {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("parameter type " + type);
        }
        if (value.length() > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("parameter value too long: " + value.length());
        }
    }

    public int length() {
        return HEADER_LENGTH + value.length();
    }

    public int paddedLength() {
        return (length() + 3) & ~3;
    }

    /** RFC 9260 §3.2.1: the two highest bits of an unrecognized parameter type say how to treat it. */
    public UnrecognizedAction action() {
        return UnrecognizedAction.ofHighBits(type >>> 14);
    }

    public void encode(ByteBuf out) {
        out.writeShort(type);
        out.writeShort(length());
        value.writeTo(out);
        out.writeZero(paddedLength() - length());
    }
}
