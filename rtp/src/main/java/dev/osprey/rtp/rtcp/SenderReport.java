package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Sender report, RFC 3550 §6.4.1: the sender's SSRC, its NTP and RTP timestamps of the same instant (used for
 * lip-sync and round-trip time via LSR/DLSR), packet and octet counts, then report blocks.
 */
public final class SenderReport extends ReportPacket {
    /** Header, SSRC and the 20-byte sender info. */
    public static final int FIXED_LENGTH = 28;

    public SenderReport() {
        super(RtcpPacketType.SR);
    }

    @Override
    protected int blocksOffset() {
        return FIXED_LENGTH;
    }

    /** 64-bit NTP timestamp (RFC 5905: seconds since 1900 in the high 32 bits, fraction in the low 32). */
    public long ntpTimestamp() {
        return buf.getLong(offset + 8);
    }

    /** The middle 32 bits of the NTP timestamp: what receivers echo as LSR. */
    public int compactNtp() {
        return (int) (ntpTimestamp() >>> 16);
    }

    public int rtpTimestamp() {
        return buf.getInt(offset + 16);
    }

    public long packetCount() {
        return buf.getUnsignedInt(offset + 20);
    }

    public long octetCount() {
        return buf.getUnsignedInt(offset + 24);
    }

    /** Appends a sender report; returns its length. */
    public static int write(ByteBuf dst, int ssrc, long ntpTimestamp, int rtpTimestamp, long packetCount,
                            long octetCount, ReportBlock... blocks) {
        checkBlockCount(blocks);
        int length = FIXED_LENGTH + ReportBlock.LENGTH * blocks.length;
        writeHeader(dst, blocks.length, RtcpPacketType.SR, length);
        dst.writeInt(ssrc);
        dst.writeLong(ntpTimestamp);
        dst.writeInt(rtpTimestamp);
        dst.writeInt((int) packetCount);
        dst.writeInt((int) octetCount);
        for (ReportBlock block : blocks) {
            block.write(dst);
        }
        return length;
    }
}
