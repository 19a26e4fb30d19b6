package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Extended report, RFC 3611 §2: the sender's SSRC followed by report blocks, each with a block type (BT), a
 * type-specific byte and a length in 32-bit words. This class reads any block's header and interprets the two that
 * give a receive-only endpoint a round-trip time: receiver reference time (RRTR, BT 4, RFC 3611 §4.4) and DLRR
 * (BT 5, §4.5), the XR counterpart of SR's LSR/DLSR.
 *
 * <p>Blocks are addressed by the absolute index of their header ({@link #firstBlock()}/{@link #nextBlock(int)}).
 */
public final class ExtendedReport extends RtcpPacketView {
    public static final int RECEIVER_REFERENCE_TIME = 4;
    public static final int DLRR = 5;
    /** Length of one DLRR sub-block: SSRC, LRR, DLRR. */
    public static final int DLRR_ENTRY_LENGTH = 12;

    public ExtendedReport() {
        super(RtcpPacketType.XR);
    }

    @Override
    protected String validateBody() {
        if (length < 8) {
            return "shorter than the XR header and SSRC";
        }
        int end = offset + length;
        for (int block = offset + 8; block < end; block = next(block)) {
            if (block + 4 > end || next(block) > end) {
                return "report block at byte " + (block - offset) + " runs past the end";
            }
            int words = blockWords(block);
            if (blockType(block) == RECEIVER_REFERENCE_TIME && words != 2) {
                return "RRTR block length must be 2 words, was " + words;
            }
            if (blockType(block) == DLRR && words % 3 != 0) {
                return "DLRR block length must be a multiple of 3 words, was " + words;
            }
        }
        return null;
    }

    private int next(int block) {
        return block + 4 + 4 * blockWords(block);
    }

    private int blockWords(int block) {
        return buf.getUnsignedShort(block + 2);
    }

    public int ssrc() {
        return buf.getInt(offset + 4);
    }

    /** Absolute index of the first block header, or -1 when there is none. */
    public int firstBlock() {
        return length > 8 ? offset + 8 : -1;
    }

    /** Absolute index of the block after {@code block}, or -1. */
    public int nextBlock(int block) {
        int next = next(block);
        return next < offset + length ? next : -1;
    }

    public int blockType(int block) {
        return buf.getUnsignedByte(block);
    }

    /** The type-specific byte of the block header. */
    public int typeSpecific(int block) {
        return buf.getUnsignedByte(block + 1);
    }

    /** Length of the block's contents after its 4-byte header. */
    public int blockContentLength(int block) {
        return 4 * blockWords(block);
    }

    /** The 64-bit NTP timestamp of an RRTR block. */
    public long referenceTimeNtp(int block) {
        requireType(block, RECEIVER_REFERENCE_TIME);
        return buf.getLong(block + 4);
    }

    public int dlrrCount(int block) {
        requireType(block, DLRR);
        return blockWords(block) / 3;
    }

    public int dlrrSsrc(int block, int i) {
        return buf.getInt(dlrrEntry(block, i));
    }

    /** Middle 32 bits of the NTP timestamp of the last RRTR received from that receiver. */
    public long lastReceiverReport(int block, int i) {
        return buf.getUnsignedInt(dlrrEntry(block, i) + 4);
    }

    /** Delay since that RRTR, in 1/65536 s. */
    public long delaySinceLastReceiverReport(int block, int i) {
        return buf.getUnsignedInt(dlrrEntry(block, i) + 8);
    }

    private int dlrrEntry(int block, int i) {
        if (i < 0 || i >= dlrrCount(block)) {
            throw new IndexOutOfBoundsException("DLRR entry " + i + " of " + dlrrCount(block));
        }
        return block + 4 + DLRR_ENTRY_LENGTH * i;
    }

    private void requireType(int block, int type) {
        if (blockType(block) != type) {
            throw new IllegalStateException("block type " + blockType(block) + " is not " + type);
        }
    }

    /** Appends an XR with one RRTR block; returns its length (20). */
    public static int writeReceiverReferenceTime(ByteBuf dst, int ssrc, long ntpTimestamp) {
        int length = 8 + 12;
        writeHeader(dst, 0, RtcpPacketType.XR, length);
        dst.writeInt(ssrc);
        dst.writeByte(RECEIVER_REFERENCE_TIME).writeByte(0).writeShort(2);
        dst.writeLong(ntpTimestamp);
        return length;
    }

    /**
     * Appends an XR with one DLRR block of one sub-block per {@code ssrcs[i]}, with last RR time {@code lastRr[i]}
     * and delay {@code delaySinceLastRr[i]}; returns its length.
     */
    public static int writeDlrr(ByteBuf dst, int ssrc, int[] ssrcs, long[] lastRr, long[] delaySinceLastRr) {
        if (ssrcs.length == 0 || ssrcs.length != lastRr.length || ssrcs.length != delaySinceLastRr.length) {
            throw new IllegalArgumentException("DLRR needs matching, non-empty arrays");
        }
        int length = 8 + 4 + DLRR_ENTRY_LENGTH * ssrcs.length;
        writeHeader(dst, 0, RtcpPacketType.XR, length);
        dst.writeInt(ssrc);
        dst.writeByte(DLRR).writeByte(0).writeShort(3 * ssrcs.length);
        for (int i = 0; i < ssrcs.length; i++) {
            dst.writeInt(ssrcs[i]);
            dst.writeInt((int) lastRr[i]);
            dst.writeInt((int) delaySinceLastRr[i]);
        }
        return length;
    }
}
