package dev.osprey.stun;

import io.netty.buffer.ByteBuf;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The 96-bit STUN transaction ID (RFC 8489 §5), held as two primitives so that it costs one small object and
 * compares without arrays. {@code high} is the first 8 bytes on the wire, {@code low} the last 4.
 */
public record TransactionId(long high, int low) {
    /** Size on the wire in bytes. */
    public static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh transaction ID from a cryptographically strong source, as RFC 8489 §5 requires. */
    public static TransactionId random() {
        return new TransactionId(RANDOM.nextLong(), RANDOM.nextInt());
    }

    /** Reads 12 bytes at {@code index} without moving the reader index. */
    public static TransactionId read(ByteBuf buf, int index) {
        return new TransactionId(buf.getLong(index), buf.getInt(index + 8));
    }

    public static TransactionId fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a transaction ID has 12 bytes, not " + bytes.length);
        }
        long high = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xFF);
        }
        int low = 0;
        for (int i = 8; i < 12; i++) {
            low = (low << 8) | (bytes[i] & 0xFF);
        }
        return new TransactionId(high, low);
    }

    /** Whether the 12 bytes at {@code index} of {@code buf} equal this ID; allocates nothing. */
    public boolean matches(ByteBuf buf, int index) {
        return buf.getLong(index) == high && buf.getInt(index + 8) == low;
    }

    public void write(ByteBuf out) {
        out.writeLong(high);
        out.writeInt(low);
    }

    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            b[8 + i] = (byte) (low >>> (24 - 8 * i));
        }
        return b;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(toBytes());
    }
}
