package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Common layout of RFC 4585 §6.1 feedback messages (RTPFB and PSFB): FMT in the count field, the SSRC of the packet
 * sender, the SSRC of the media source, then the feedback control information (FCI) a subclass interprets.
 */
public abstract class FeedbackPacket extends RtcpPacketView {
    /** Header and the two SSRCs. */
    public static final int FIXED_LENGTH = 12;

    private final int fmt;

    protected FeedbackPacket(int packetType, int fmt) {
        super(packetType);
        this.fmt = fmt;
    }

    @Override
    protected final String validateBody() {
        if (count() != fmt) {
            return "FMT " + count() + " is not " + fmt;
        }
        if (length < FIXED_LENGTH) {
            return "shorter than the 12-byte feedback header";
        }
        return validateFci();
    }

    /** Checks the FCI ({@link #fciIndex()}, {@link #fciLength()}); returns an error message or {@code null}. */
    protected abstract String validateFci();

    /** Feedback message type. */
    public final int fmt() {
        return count();
    }

    public final int senderSsrc() {
        return buf.getInt(offset + 4);
    }

    public final int mediaSsrc() {
        return buf.getInt(offset + 8);
    }

    /** Absolute index of the feedback control information. */
    public final int fciIndex() {
        return offset + FIXED_LENGTH;
    }

    public final int fciLength() {
        return length - FIXED_LENGTH;
    }

    static void writeFeedbackHeader(ByteBuf dst, int fmt, int packetType, int totalLength, int senderSsrc,
                                    int mediaSsrc) {
        writeHeader(dst, fmt, packetType, totalLength);
        dst.writeInt(senderSsrc);
        dst.writeInt(mediaSsrc);
    }
}
