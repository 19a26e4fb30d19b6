package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Receiver estimated maximum bitrate, draft-alvestrand-rmcat-remb-03 §2.2: an application-layer feedback message
 * (PSFB, FMT 15) whose FCI starts with the ASCII "REMB", then the number of SSRCs, a bitrate as 6-bit exponent and
 * 18-bit mantissa ({@code mantissa << exp} bits per second), and the SSRCs it applies to. The media source SSRC
 * field is 0.
 */
public final class ReceiverEstimatedMaxBitrate extends FeedbackPacket {
    public static final int FMT = 15;
    /** "REMB" as a big-endian int. */
    public static final int IDENTIFIER = 0x52454D42;

    public ReceiverEstimatedMaxBitrate() {
        super(RtcpPacketType.PSFB, FMT);
    }

    /** Whether the current packet of {@code reader} is a REMB (PSFB FMT 15 with the "REMB" identifier). */
    public static boolean matches(RtcpCompoundReader reader) {
        return reader.packetType() == RtcpPacketType.PSFB && reader.count() == FMT
                && reader.packetLength() >= FIXED_LENGTH + 4
                && reader.buffer().getInt(reader.packetOffset() + FIXED_LENGTH) == IDENTIFIER;
    }

    @Override
    protected String validateFci() {
        if (fciLength() < 8 || buf.getInt(fciIndex()) != IDENTIFIER) {
            return "application feedback is not REMB";
        }
        if (fciLength() != 8 + 4 * ssrcCount()) {
            return ssrcCount() + " SSRCs do not match the FCI length " + fciLength();
        }
        int exponent = buf.getUnsignedByte(fciIndex() + 5) >>> 2;
        long mantissa = buf.getUnsignedMedium(fciIndex() + 5) & 0x3FFFF;
        if (mantissa != 0 && Long.numberOfLeadingZeros(mantissa) - 1 < exponent) {
            return "bitrate " + mantissa + "<<" + exponent + " overflows";
        }
        return null;
    }

    public int ssrcCount() {
        return buf.getUnsignedByte(fciIndex() + 4);
    }

    public long bitrateBps() {
        int exponent = buf.getUnsignedByte(fciIndex() + 5) >>> 2;
        long mantissa = buf.getUnsignedMedium(fciIndex() + 5) & 0x3FFFF;
        return mantissa << exponent;
    }

    public int ssrc(int i) {
        if (i < 0 || i >= ssrcCount()) {
            throw new IndexOutOfBoundsException("SSRC " + i + " of " + ssrcCount());
        }
        return buf.getInt(fciIndex() + 8 + 4 * i);
    }

    /**
     * Appends a REMB for {@code ssrcs}; the bitrate is rounded down to what an 18-bit mantissa can carry. Returns
     * the packet length.
     */
    public static int write(ByteBuf dst, int senderSsrc, long bitrateBps, int[] ssrcs) {
        if (bitrateBps < 0 || ssrcs.length > 255) {
            throw new IllegalArgumentException("negative bitrate or more than 255 SSRCs");
        }
        int exponent = 0;
        while ((bitrateBps >>> exponent) > 0x3FFFF) {
            exponent++;
        }
        int length = FIXED_LENGTH + 8 + 4 * ssrcs.length;
        writeFeedbackHeader(dst, FMT, RtcpPacketType.PSFB, length, senderSsrc, 0);
        dst.writeInt(IDENTIFIER);
        dst.writeByte(ssrcs.length);
        dst.writeMedium(exponent << 18 | (int) (bitrateBps >>> exponent));
        for (int ssrc : ssrcs) {
            dst.writeInt(ssrc);
        }
        return length;
    }
}
