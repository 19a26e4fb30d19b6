package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1), as a value for building reports; parsed reports are
 * read in place through {@link ReportPacket}'s indexed getters instead.
 *
 * @param ssrc                       the source this block reports on
 * @param fractionLost               fraction lost since the previous report, in 1/256 units (0..255)
 * @param cumulativeLost             total lost since reception began; signed 24-bit (duplicates make it negative),
 *                                   clamped to -8388608..8388607 when written
 * @param extendedHighestSequence    cycles in the high 16 bits, highest sequence number in the low 16 (32 bits)
 * @param jitter                     interarrival jitter in timestamp units (32 bits)
 * @param lastSenderReport           middle 32 bits of the NTP timestamp of the last SR received, 0 if none
 * @param delaySinceLastSenderReport delay since that SR in 1/65536 s units (32 bits)
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence, long jitter,
                          long lastSenderReport, long delaySinceLastSenderReport) {
    /** Length on the wire. */
    public static final int LENGTH = 24;
    public static final int MAX_CUMULATIVE_LOST = 0x7FFFFF;
    public static final int MIN_CUMULATIVE_LOST = -0x800000;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost is 0..255, was " + fractionLost);
        }
        cumulativeLost = Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost));
        extendedHighestSequence &= 0xFFFFFFFFL;
        jitter &= 0xFFFFFFFFL;
        lastSenderReport &= 0xFFFFFFFFL;
        delaySinceLastSenderReport &= 0xFFFFFFFFL;
    }

    /** Appends the 24 bytes of this block. */
    public void write(ByteBuf dst) {
        dst.writeInt(ssrc);
        dst.writeInt(fractionLost << 24 | (cumulativeLost & 0xFFFFFF));
        dst.writeInt((int) extendedHighestSequence);
        dst.writeInt((int) jitter);
        dst.writeInt((int) lastSenderReport);
        dst.writeInt((int) delaySinceLastSenderReport);
    }

    /** Copies block {@code i} of a bound report into a value. */
    public static ReportBlock read(ReportPacket report, int i) {
        return new ReportBlock(report.blockSsrc(i), report.fractionLost(i), report.cumulativeLost(i),
                report.extendedHighestSequence(i), report.jitter(i), report.lastSenderReport(i),
                report.delaySinceLastSenderReport(i));
    }
}
