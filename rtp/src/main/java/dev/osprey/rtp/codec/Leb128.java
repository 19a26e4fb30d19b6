package dev.osprey.rtp.codec;

import io.netty.buffer.ByteBuf;

/** Unsigned LEB128 (AV1 spec §4.10.5) as used for OBU element lengths, up to 8 bytes / 32-bit values. */
final class Leb128 {
    private Leb128() {
    }

    /**
     * Reads a LEB128 value at {@code at} (not past {@code end}); returns {@code value << 8 | encodedLength}, or -1
     * when it is cut by {@code end}, longer than 8 bytes or above 2^32 - 1 (the spec's limit).
     */
    static long read(ByteBuf buf, int at, int end) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            if (at + i >= end) {
                return -1;
            }
            int b = buf.getUnsignedByte(at + i);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value > 0xFFFFFFFFL ? -1 : value << 8 | (i + 1);
            }
        }
        return -1;
    }

    static int encodedLength(long packed) {
        return (int) (packed & 0xFF);
    }
}
