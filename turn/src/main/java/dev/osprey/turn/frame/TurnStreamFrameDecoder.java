package dev.osprey.turn.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits a TURN byte stream (TCP or TLS) into frames (RFC 8656 §12.5, RFC 8489 §6.2.2). A STUN message is its
 * 20-byte header plus the length field (a multiple of four); a ChannelData message is its header plus the data
 * rounded up to four bytes. Each frame is emitted as a retained slice of the cumulation (no copy); for ChannelData
 * the slice ends at the data, the padding is consumed and dropped. One frame per {@code decode} call (the base class
 * calls again while bytes remain), so that a handler can remove this framer after any frame and the bytes behind it
 * reach the next handler unframed: RFC 6062 §5.4, after ConnectionBind the stream is raw data.
 *
 * <p>Anything else cannot be resynchronised, so it raises {@link MalformedTurnFrameException} once, discards
 * everything after it, and the connection handler closes the connection.
 */
public final class TurnStreamFrameDecoder extends ByteToMessageDecoder {
    private static final int STUN_HEADER_BYTES = 20;
    private boolean failed;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes()); // the stream is being closed; nothing after the bad frame counts
            return;
        }
        if (in.readableBytes() < ChannelData.HEADER_BYTES) {
            return;
        }
        int frameLength;
        try {
            frameLength = frameLength(in);
        } catch (MalformedTurnFrameException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
        if (in.readableBytes() < frameLength) {
            return;
        }
        int emitted = emittedLength(in, frameLength);
        out.add(in.readRetainedSlice(emitted));
        in.skipBytes(frameLength - emitted);
    }

    /**
     * The length on the wire of the frame at the reader index (its first four bytes must be readable).
     *
     * @throws MalformedTurnFrameException when the first byte is neither STUN nor ChannelData, or a STUN length is
     *                                     not a multiple of four
     */
    static int frameLength(ByteBuf in) {
        int start = in.readerIndex();
        int first = in.getUnsignedByte(start);
        int length = in.getUnsignedShort(start + 2);
        if (first < 0x40) {
            if ((length & 3) != 0) {
                throw new MalformedTurnFrameException("STUN message length " + length + " is not a multiple of 4");
            }
            return STUN_HEADER_BYTES + length;
        }
        if (first <= ChannelData.MAX_CHANNEL_NUMBER >>> 8) {
            return ChannelData.streamFrameLength(length);
        }
        throw new MalformedTurnFrameException("first byte 0x" + Integer.toHexString(first)
                + " starts neither STUN nor ChannelData");
    }

    private static int emittedLength(ByteBuf in, int frameLength) {
        int first = in.getUnsignedByte(in.readerIndex());
        return first < 0x40 ? frameLength : ChannelData.HEADER_BYTES + in.getUnsignedShort(in.readerIndex() + 2);
    }
}
