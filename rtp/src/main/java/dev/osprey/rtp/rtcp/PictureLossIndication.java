package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/** Picture loss indication, RFC 4585 §6.3.1 (PSFB, FMT 1): no FCI, so the length field is always 2. */
public final class PictureLossIndication extends FeedbackPacket {
    public static final int FMT = 1;
    public static final int LENGTH = FIXED_LENGTH;

    public PictureLossIndication() {
        super(RtcpPacketType.PSFB, FMT);
    }

    @Override
    protected String validateFci() {
        return fciLength() == 0 ? null : "PLI carries no FCI, found " + fciLength() + " bytes";
    }

    /** Appends a PLI asking {@code mediaSsrc} for a keyframe; returns its length (12). */
    public static int write(ByteBuf dst, int senderSsrc, int mediaSsrc) {
        writeFeedbackHeader(dst, FMT, RtcpPacketType.PSFB, LENGTH, senderSsrc, mediaSsrc);
        return LENGTH;
    }
}
