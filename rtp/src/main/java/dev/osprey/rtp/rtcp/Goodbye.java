package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Goodbye, RFC 3550 §6.6: the sources leaving and an optional reason (length-prefixed UTF-8, padded to 32 bits). */
public final class Goodbye extends RtcpPacketView {

    public Goodbye() {
        super(RtcpPacketType.BYE);
    }

    @Override
    protected String validateBody() {
        int reason = 4 + 4 * count();
        if (reason > length) {
            return count() + " sources do not fit " + length + " bytes";
        }
        if (reason < length && reason + 1 + buf.getUnsignedByte(offset + reason) > length) {
            return "reason runs past the end of the packet";
        }
        return null;
    }

    public int sourceCount() {
        return count();
    }

    public int ssrc(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("source " + i + " of " + count());
        }
        return buf.getInt(offset + 4 + 4 * i);
    }

    /** The reason for leaving, or {@code null} when absent. */
    public String reason() {
        int at = offset + 4 + 4 * count();
        if (at >= offset + length) {
            return null;
        }
        return buf.toString(at + 1, buf.getUnsignedByte(at), StandardCharsets.UTF_8);
    }

    /** Appends a BYE for {@code ssrcs} with an optional {@code reason}; returns its length. */
    public static int write(ByteBuf dst, int[] ssrcs, String reason) {
        if (ssrcs.length > 31) {
            throw new IllegalArgumentException("at most 31 sources per BYE");
        }
        byte[] text = reason == null ? null : reason.getBytes(StandardCharsets.UTF_8);
        if (text != null && text.length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
        int reasonBytes = text == null ? 0 : (1 + text.length + 3) & ~3;
        int length = 4 + 4 * ssrcs.length + reasonBytes;
        writeHeader(dst, ssrcs.length, RtcpPacketType.BYE, length);
        for (int ssrc : ssrcs) {
            dst.writeInt(ssrc);
        }
        if (text != null) {
            dst.writeByte(text.length);
            dst.writeBytes(text);
            dst.writeZero(reasonBytes - 1 - text.length);
        }
        return length;
    }
}
