package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/** Receiver report, RFC 3550 §6.4.2: the reporter's SSRC and report blocks. */
public final class ReceiverReport extends ReportPacket {
    /** Header and SSRC. */
    public static final int FIXED_LENGTH = 8;

    public ReceiverReport() {
        super(RtcpPacketType.RR);
    }

    @Override
    protected int blocksOffset() {
        return FIXED_LENGTH;
    }

    /** Appends a receiver report; returns its length. */
    public static int write(ByteBuf dst, int ssrc, ReportBlock... blocks) {
        checkBlockCount(blocks);
        int length = FIXED_LENGTH + ReportBlock.LENGTH * blocks.length;
        writeHeader(dst, blocks.length, RtcpPacketType.RR, length);
        dst.writeInt(ssrc);
        for (ReportBlock block : blocks) {
            block.write(dst);
        }
        return length;
    }
}
