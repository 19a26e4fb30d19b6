package dev.osprey.sctp.chunk;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes a chunk or parameter carries without interpreting them (a state cookie, heartbeat info, an error cause's
 * details, an unknown chunk's value). Immutable: the array is copied in and never handed out.
 */
public final class OpaqueValue {
    public static final OpaqueValue EMPTY = new OpaqueValue(new byte[0]);

    private final byte[] bytes;

    private OpaqueValue(byte[] bytes) {
        this.bytes = bytes;
    }

    public static OpaqueValue of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new OpaqueValue(bytes.clone());
    }

    /** Copies {@code length} readable bytes starting at {@code index} of {@code buf}. */
    public static OpaqueValue copyOf(ByteBuf buf, int index, int length) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] copy = new byte[length];
        buf.getBytes(index, copy);
        return new OpaqueValue(copy);
    }

    public int length() {
        return bytes.length;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public void writeTo(ByteBuf out) {
        out.writeBytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueValue other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 32 ? HexFormat.of().formatHex(bytes) : bytes.length + " bytes";
    }
}
