package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.MalformedPacketException;
import io.netty.buffer.ByteBuf;

/**
 * What every RTCP flyweight shares: binding to one packet (RFC 3550 §6.4.1 common header: V=2, P, a five-bit count,
 * PT, length in 32-bit words minus one) and checks that the type-specific body fits. Subclasses check their own
 * layout in {@link #validateBody()} and read fields relative to {@link #offset}.
 */
public abstract class RtcpPacketView {
    protected ByteBuf buf;
    protected int offset;
    /** Length of the packet without its padding. */
    protected int length;

    private final int packetType;

    protected RtcpPacketView(int packetType) {
        this.packetType = packetType;
    }

    /** Binds to the current packet of a compound reader. */
    public final void wrap(RtcpCompoundReader reader) {
        wrap(reader.buffer(), reader.packetOffset(), reader.packetLength());
    }

    /**
     * Binds to the packet of exactly {@code length} bytes at absolute {@code offset}.
     *
     * @throws MalformedPacketException if it is not a well-formed packet of this view's type
     */
    public final void wrap(ByteBuf buf, int offset, int length) {
        String error = bind(buf, offset, length);
        if (error != null) {
            this.buf = null;
            throw new MalformedPacketException(getClass().getSimpleName() + ": " + error);
        }
    }

    private String bind(ByteBuf buf, int offset, int length) {
        if (offset < 0 || length < RtcpCompoundReader.HEADER_LENGTH || offset > buf.capacity() - length) {
            return "shorter than the RTCP header or outside the buffer";
        }
        int first = buf.getUnsignedByte(offset);
        if (first >> 6 != 2) {
            return "version is not 2";
        }
        if (buf.getUnsignedByte(offset + 1) != packetType) {
            return "packet type " + buf.getUnsignedByte(offset + 1) + " is not " + packetType;
        }
        if (4 * (buf.getUnsignedShort(offset + 2) + 1) != length) {
            return "length field does not match the packet length " + length;
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = buf.getUnsignedByte(offset + length - 1);
            if (padding == 0 || padding > length - RtcpCompoundReader.HEADER_LENGTH) {
                return "padding count " + padding + " does not fit the packet";
            }
        }
        this.buf = buf;
        this.offset = offset;
        this.length = length - padding;
        return validateBody();
    }

    /** Checks the type-specific layout against {@link #length}; returns an error message or {@code null}. */
    protected abstract String validateBody();

    /** The five-bit field after V and P: report count, source count, subtype or feedback message type. */
    public final int count() {
        return buf.getByte(offset) & 0x1F;
    }

    public final ByteBuf buffer() {
        return buf;
    }

    public final int offset() {
        return offset;
    }

    /** Packet length without padding. */
    public final int length() {
        return length;
    }

    /** Writes the common header at the writer index; {@code totalLength} must be a multiple of four. */
    static void writeHeader(ByteBuf dst, int count, int packetType, int totalLength) {
        if ((totalLength & 3) != 0 || totalLength < 4 || totalLength > 4 * 65536) {
            throw new IllegalArgumentException("RTCP packet length " + totalLength + " is not a positive multiple of 4");
        }
        if (count < 0 || count > 31) {
            throw new IllegalArgumentException("RTCP count field out of range: " + count);
        }
        dst.writeByte(0x80 | count);
        dst.writeByte(packetType);
        dst.writeShort(totalLength / 4 - 1);
    }
}
