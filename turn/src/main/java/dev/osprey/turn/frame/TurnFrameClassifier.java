package dev.osprey.turn.frame;

import io.netty.buffer.ByteBuf;

/**
 * Tells STUN from ChannelData by the first byte, as RFC 8656 §12 and RFC 7983 arrange: STUN messages start with the
 * two bits {@code 00}, ChannelData with a channel number in 0x4000–0x7FFF ({@link ChannelData#MAX_CHANNEL_NUMBER}). Reads one byte, never throws, never copies.
 */
public final class TurnFrameClassifier {
    private static final int STUN_HEADER_BYTES = 20;

    private TurnFrameClassifier() {
    }

    /** The kind of the frame at {@code buf.readerIndex()}; an empty buffer is {@link FrameKind#INVALID}. */
    public static FrameKind classify(ByteBuf buf) {
        if (!buf.isReadable()) {
            return FrameKind.INVALID;
        }
        int first = buf.getUnsignedByte(buf.readerIndex());
        if (first < 0x40) {
            return buf.readableBytes() >= STUN_HEADER_BYTES ? FrameKind.STUN : FrameKind.INVALID;
        }
        if (first <= ChannelData.MAX_CHANNEL_NUMBER >>> 8) {
            return ChannelData.isComplete(buf) ? FrameKind.CHANNEL_DATA : FrameKind.INVALID;
        }
        return FrameKind.INVALID;
    }
}
