package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.MalformedPacketException;
import io.netty.buffer.ByteBuf;

/**
 * Walks the packets of a compound RTCP packet (RFC 3550 §6.1). {@link #wrap} first validates the whole compound
 * (RFC 3550 appendix A.2, minus the rule that the first packet be SR or RR, so that reduced-size RTCP of RFC 5506
 * passes): every packet has version 2, a length that ends inside the compound, a padding count that fits its packet,
 * and the lengths add up to exactly the compound's size. Then {@link #next()} moves from packet to packet.
 *
 * <pre>{@code
 * reader.wrap(buf);
 * while (reader.next()) {
 *     switch (reader.packetType()) {
 *         case RtcpPacketType.SR -> senderReport.wrap(reader);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Reusable and allocation-free; neither retains nor releases the buffer.
 */
public final class RtcpCompoundReader {
    /** Length of the common RTCP header: V/P/count, PT, length. */
    public static final int HEADER_LENGTH = 4;

    private ByteBuf buf;
    private int end;
    private int nextOffset;
    private int packetOffset = -1;
    private int packetLength;

    /** Validates and binds the readable bytes of {@code buf}. */
    public RtcpCompoundReader wrap(ByteBuf buf) {
        return wrap(buf, buf.readerIndex(), buf.readableBytes());
    }

    /** Validates and binds {@code length} bytes of {@code buf} from absolute index {@code offset}. */
    public RtcpCompoundReader wrap(ByteBuf buf, int offset, int length) {
        String error = validate(buf, offset, length);
        if (error != null) {
            this.buf = null;
            throw new MalformedPacketException(error);
        }
        bind(buf, offset, length);
        return this;
    }

    /** {@link #wrap(ByteBuf, int, int)} that returns {@code false} instead of throwing, for the hot path. */
    public boolean tryWrap(ByteBuf buf, int offset, int length) {
        if (validate(buf, offset, length) != null) {
            this.buf = null;
            return false;
        }
        bind(buf, offset, length);
        return true;
    }

    private void bind(ByteBuf buf, int offset, int length) {
        this.buf = buf;
        this.end = offset + length;
        this.nextOffset = offset;
        this.packetOffset = -1;
        this.packetLength = 0;
    }

    private static String validate(ByteBuf buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.capacity() - length) {
            return "compound range lies outside the buffer";
        }
        if (length == 0) {
            return "empty RTCP compound";
        }
        int end = offset + length;
        for (int at = offset; at < end; ) {
            if (end - at < HEADER_LENGTH) {
                return "RTCP header truncated at byte " + (at - offset);
            }
            int first = buf.getUnsignedByte(at);
            if (first >> 6 != 2) {
                return "RTCP version is not 2 at byte " + (at - offset);
            }
            int packetLength = 4 * (buf.getUnsignedShort(at + 2) + 1);
            if (packetLength > end - at) {
                return "RTCP length runs past the end of the compound at byte " + (at - offset);
            }
            if ((first & 0x20) != 0) {
                int padding = buf.getUnsignedByte(at + packetLength - 1);
                if (padding == 0 || padding > packetLength - HEADER_LENGTH) {
                    return "RTCP padding count " + padding + " does not fit its packet";
                }
            }
            at += packetLength;
        }
        return null;
    }

    /** Moves to the next packet; {@code false} after the last one. */
    public boolean next() {
        if (buf == null || nextOffset >= end) {
            packetOffset = -1;
            return false;
        }
        packetOffset = nextOffset;
        packetLength = 4 * (buf.getUnsignedShort(packetOffset + 2) + 1);
        nextOffset += packetLength;
        return true;
    }

    public ByteBuf buffer() {
        return buf;
    }

    /** Absolute index of the current packet's first byte. */
    public int packetOffset() {
        return packetOffset;
    }

    /** Length of the current packet including header and padding. */
    public int packetLength() {
        return packetLength;
    }

    /** Packet type of the current packet (see {@link RtcpPacketType}). */
    public int packetType() {
        return buf.getUnsignedByte(packetOffset + 1);
    }

    /** The five-bit count field of the current packet: report count, source count, subtype or FMT. */
    public int count() {
        return buf.getByte(packetOffset) & 0x1F;
    }

    /** Whether the current packet is the last of the compound. */
    public boolean isLast() {
        return nextOffset >= end;
    }
}
