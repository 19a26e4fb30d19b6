package dev.osprey.rtp.nack;

import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;

/**
 * The RTX payload format, RFC 4588 §4: a retransmission is sent on its own SSRC and payload type with its own
 * sequence number, and carries the original sequence number (OSN) in the first two payload bytes, followed by the
 * original payload. The original's header extensions and CSRCs are kept; its padding is not (RFC 4588 §4: padding
 * belongs to the RTX packet).
 */
public final class RtxPayload {
    /** Length of the OSN field. */
    public static final int OSN_LENGTH = 2;

    private RtxPayload() {
    }

    /**
     * Appends to {@code dst} the RTX packet for {@code original}: its header (CSRCs and extension block included) with
     * the RTX payload type, SSRC and sequence number, the OSN, then the original payload without padding. Returns the
     * number of bytes written.
     */
    public static int writeRtx(RtpPacket original, ByteBuf dst, int rtxPayloadType, int rtxSsrc, int rtxSequenceNumber) {
        if ((rtxPayloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type out of range: " + rtxPayloadType);
        }
        ByteBuf src = original.buffer();
        int start = dst.writerIndex();
        dst.writeBytes(src, original.offset(), original.headerLength());
        dst.setByte(start, dst.getByte(start) & ~0x20); // no padding in the RTX packet
        dst.setByte(start + 1, (dst.getByte(start + 1) & 0x80) | rtxPayloadType);
        dst.setShort(start + 2, rtxSequenceNumber);
        dst.setInt(start + 8, rtxSsrc);
        dst.writeShort(original.sequenceNumber());
        dst.writeBytes(src, original.payloadOffset(), original.payloadLength());
        return dst.writerIndex() - start;
    }

    /** The original sequence number carried by an RTX packet, or -1 when the payload is too short to hold one. */
    public static int originalSequenceNumber(RtpPacket rtx) {
        return rtx.payloadLength() < OSN_LENGTH ? -1 : rtx.buffer().getUnsignedShort(rtx.payloadOffset());
    }

    /**
     * Turns a received RTX packet back into the original in place: the header moves forward over the OSN, and the
     * sequence number, SSRC and payload type become the original's. The packet must span its buffer's readable bytes
     * (the reader index moves with it); {@code rtx} is re-bound to the result.
     *
     * @throws MalformedPacketException if the payload has no OSN (e.g. a padding-only probe)
     */
    public static void restoreOriginal(RtpPacket rtx, int originalPayloadType, int originalSsrc) {
        ByteBuf buf = rtx.buffer();
        if (buf.readerIndex() != rtx.offset() || buf.readableBytes() != rtx.length()) {
            throw new IllegalStateException("the packet must span exactly the readable bytes of its buffer");
        }
        int osn = originalSequenceNumber(rtx);
        if (osn < 0) {
            throw new MalformedPacketException("RTX payload shorter than the original sequence number");
        }
        int offset = rtx.offset();
        int header = rtx.headerLength();
        for (int i = header - 1; i >= 0; i--) {
            buf.setByte(offset + OSN_LENGTH + i, buf.getByte(offset + i));
        }
        int newOffset = offset + OSN_LENGTH;
        int newLength = rtx.length() - OSN_LENGTH;
        buf.readerIndex(newOffset);
        rtx.wrap(buf, newOffset, newLength);
        rtx.setSequenceNumber(osn);
        rtx.setSsrc(originalSsrc);
        rtx.setPayloadType(originalPayloadType);
    }
}
