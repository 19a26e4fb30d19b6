package dev.osprey.rtp.extension;

import io.netty.buffer.ByteBuf;

/** Overlap-safe moves inside one buffer (Netty's {@code setBytes} from itself does not promise memmove semantics). */
final class ByteMoves {
    private ByteMoves() {
    }

    /**
     * Moves {@code length} bytes from {@code src} to {@code dst}. Eight bytes at a time, in the direction that never
     * overwrites a source byte before it has been read: each chunk is read whole before it is written, and a chunk's
     * write never reaches source bytes that a later chunk still has to read.
     */
    static void move(ByteBuf buf, int src, int dst, int length) {
        if (src == dst || length == 0) {
            return;
        }
        if (dst < src) {
            int i = 0;
            for (; i + 8 <= length; i += 8) {
                buf.setLong(dst + i, buf.getLong(src + i));
            }
            for (; i < length; i++) {
                buf.setByte(dst + i, buf.getByte(src + i));
            }
        } else {
            int i = length;
            for (; i >= 8; i -= 8) {
                buf.setLong(dst + i - 8, buf.getLong(src + i - 8));
            }
            for (; i > 0; i--) {
                buf.setByte(dst + i - 1, buf.getByte(src + i - 1));
            }
        }
    }
}
