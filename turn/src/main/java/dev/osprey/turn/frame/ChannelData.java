package dev.osprey.turn.frame;

import io.netty.buffer.ByteBuf;

/**
 * The ChannelData message of RFC 8656 §12.4 (RFC 5766 §11.4): a 2-byte channel number, a 2-byte length of the application data, then
 * the data. Over TCP and TLS the message is padded to a multiple of four bytes, and the padding is not counted in the
 * length field (§12.5); over UDP the padding is optional and any bytes past the length are ignored.
 *
 * <p>This class never copies: the relay reads the header in place and forwards {@code retainedSlice} of the data.
 */
public final class ChannelData {
    /** Size of the channel number and length fields. */
    public static final int HEADER_BYTES = 4;
    /** Lowest channel number a client may bind (RFC 8656 §12). */
    public static final int MIN_CHANNEL_NUMBER = 0x4000;
    /**
     * Highest channel number a client may bind. RFC 8656 §12 narrows the range to 0x4FFF, but RFC 5766 allowed up to
     * 0x7FFF and clients still use it (coturn's {@code turnutils_uclient} picks numbers up to 0x7FFF). This port
     * carries only STUN and ChannelData, so the wider range collides with nothing (RFC 7983's DTLS/RTP first bytes
     * are not multiplexed here) and is accepted for interoperability.
     */
    public static final int MAX_CHANNEL_NUMBER = 0x7FFF;

    private ChannelData() {
    }

    /** Whether {@code number} may be bound: 0x4000–0x7FFF, see {@link #MAX_CHANNEL_NUMBER}. */
    public static boolean isValidChannelNumber(int number) {
        return number >= MIN_CHANNEL_NUMBER && number <= MAX_CHANNEL_NUMBER;
    }

    /** The channel number of the ChannelData message starting at {@code buf.readerIndex()}. */
    public static int channelNumber(ByteBuf buf) {
        return buf.getUnsignedShort(buf.readerIndex());
    }

    /** The application-data length field of the message starting at {@code buf.readerIndex()}. */
    public static int dataLength(ByteBuf buf) {
        return buf.getUnsignedShort(buf.readerIndex() + 2);
    }

    /**
     * Whether the readable bytes hold a complete ChannelData message: a header and at least the claimed data.
     * RFC 8656 §12.5: a UDP datagram too short for the claimed length is silently discarded; longer is fine.
     */
    public static boolean isComplete(ByteBuf buf) {
        int readable = buf.readableBytes();
        return readable >= HEADER_BYTES && dataLength(buf) <= readable - HEADER_BYTES;
    }

    /** Bytes a ChannelData message with {@code dataLength} bytes of data occupies on a stream, padding included. */
    public static int streamFrameLength(int dataLength) {
        return HEADER_BYTES + ((dataLength + 3) & ~3);
    }

    /** Writes the 4-byte header; the caller then writes {@code dataLength} bytes of data. */
    public static void writeHeader(ByteBuf out, int channelNumber, int dataLength) {
        out.writeShort(channelNumber);
        out.writeShort(dataLength);
    }

    /** Writes the zero padding that a stream transport needs after {@code dataLength} bytes of data. */
    public static void writeStreamPadding(ByteBuf out, int dataLength) {
        out.writeZero(streamFrameLength(dataLength) - HEADER_BYTES - dataLength);
    }
}
