package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * An error cause of an ABORT or ERROR chunk (RFC 9260 §3.3.10): code, length, cause-specific information.
 */
public record ErrorCause(int code, OpaqueValue info) {
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    public static final int MISSING_MANDATORY_PARAMETER = 2;
    public static final int STALE_COOKIE = 3;
    public static final int OUT_OF_RESOURCE = 4;
    public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
    public static final int INVALID_MANDATORY_PARAMETER = 7;
    public static final int UNRECOGNIZED_PARAMETERS = 8;
    public static final int NO_USER_DATA = 9;
    public static final int COOKIE_RECEIVED_WHILE_SHUTTING_DOWN = 10;
    public static final int USER_INITIATED_ABORT = 12;
    public static final int PROTOCOL_VIOLATION = 13;

    public static final int HEADER_LENGTH = 4;

    public ErrorCause {
        if (code < 0 || code > 0xFFFF || info.length() > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("error cause " + code + " with " + info.length() + " bytes");
        }
    }

    public static ErrorCause of(int code) {
        return new ErrorCause(code, OpaqueValue.EMPTY);
    }

    public int length() {
        return HEADER_LENGTH + info.length();
    }

    public int paddedLength() {
        return (length() + 3) & ~3;
    }

    public void encode(ByteBuf out) {
        out.writeShort(code);
        out.writeShort(length());
        info.writeTo(out);
        out.writeZero(paddedLength() - length());
    }
}
