package dev.osprey.rtp.rtcp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Application-defined packet, RFC 3550 §6.7: subtype, SSRC, a four-character name and application data. */
public final class ApplicationDefined extends RtcpPacketView {
    public static final int FIXED_LENGTH = 12;

    public ApplicationDefined() {
        super(RtcpPacketType.APP);
    }

    @Override
    protected String validateBody() {
        return length < FIXED_LENGTH ? "shorter than the 12-byte APP header" : null;
    }

    /** The five-bit subtype. */
    public int subtype() {
        return count();
    }

    public int ssrc() {
        return buf.getInt(offset + 4);
    }

    /** The name as four ASCII characters. */
    public String name() {
        return buf.toString(offset + 8, 4, StandardCharsets.US_ASCII);
    }

    /** The name as a big-endian int, for comparing without a string. */
    public int nameCode() {
        return buf.getInt(offset + 8);
    }

    public int dataIndex() {
        return offset + FIXED_LENGTH;
    }

    public int dataLength() {
        return length - FIXED_LENGTH;
    }

    /** Appends an APP packet; {@code data} must be a multiple of 4 bytes (RFC 3550 §6.7). Returns its length. */
    public static int write(ByteBuf dst, int subtype, int ssrc, String name, byte[] data) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 4 || (data.length & 3) != 0) {
            throw new IllegalArgumentException("APP name must be 4 ASCII characters and data a multiple of 4 bytes");
        }
        int length = FIXED_LENGTH + data.length;
        writeHeader(dst, subtype, RtcpPacketType.APP, length);
        dst.writeInt(ssrc);
        dst.writeBytes(ascii);
        dst.writeBytes(data);
        return length;
    }
}
