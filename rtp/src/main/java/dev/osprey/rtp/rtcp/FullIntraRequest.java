package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Full intra request, RFC 5104 §4.3.1 (PSFB, FMT 4): the media source SSRC field is unused (0) and each 8-byte FCI
 * entry names the SSRC that should send a decoder refresh point and a command sequence number that repeats of the
 * same request keep (RFC 5104 §4.3.1.2).
 */
public final class FullIntraRequest extends FeedbackPacket {
    public static final int FMT = 4;
    public static final int ENTRY_LENGTH = 8;

    public FullIntraRequest() {
        super(RtcpPacketType.PSFB, FMT);
    }

    @Override
    protected String validateFci() {
        int fci = fciLength();
        return fci == 0 || fci % ENTRY_LENGTH != 0 ? "FIR FCI must be a positive multiple of 8 bytes, was " + fci : null;
    }

    public int entryCount() {
        return fciLength() / ENTRY_LENGTH;
    }

    public int ssrc(int i) {
        return buf.getInt(entry(i));
    }

    public int sequenceNumber(int i) {
        return buf.getUnsignedByte(entry(i) + 4);
    }

    private int entry(int i) {
        if (i < 0 || i >= entryCount()) {
            throw new IndexOutOfBoundsException("FIR entry " + i + " of " + entryCount());
        }
        return fciIndex() + ENTRY_LENGTH * i;
    }

    /** Appends a FIR with one entry per {@code ssrcs[i]}/{@code sequenceNumbers[i]}; returns its length. */
    public static int write(ByteBuf dst, int senderSsrc, int[] ssrcs, int[] sequenceNumbers) {
        if (ssrcs.length == 0 || ssrcs.length != sequenceNumbers.length) {
            throw new IllegalArgumentException("one sequence number per SSRC, at least one entry");
        }
        int length = FIXED_LENGTH + ENTRY_LENGTH * ssrcs.length;
        writeFeedbackHeader(dst, FMT, RtcpPacketType.PSFB, length, senderSsrc, 0);
        for (int i = 0; i < ssrcs.length; i++) {
            dst.writeInt(ssrcs[i]);
            dst.writeByte(sequenceNumbers[i]);
            dst.writeMedium(0);
        }
        return length;
    }

    /** Appends a FIR with a single entry; returns its length (20). */
    public static int write(ByteBuf dst, int senderSsrc, int ssrc, int sequenceNumber) {
        return write(dst, senderSsrc, new int[] {ssrc}, new int[] {sequenceNumber});
    }
}
