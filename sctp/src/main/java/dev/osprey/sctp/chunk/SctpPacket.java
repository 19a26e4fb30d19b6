package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import dev.osprey.sctp.SctpParseException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An SCTP packet (RFC 9260 §3): the 12-byte common header (ports, verification tag, CRC32c checksum) and its chunks.
 * Over DTLS (RFC 8261 §5) the checksum is still computed and checked: there is no offload to trust.
 */
public record SctpPacket(int sourcePort, int destinationPort, long verificationTag, List<Chunk> chunks) {
    public static final int COMMON_HEADER_LENGTH = 12;
    private static final int CHECKSUM_OFFSET = 8;
    private static final byte[] ZERO_CHECKSUM = new byte[4];
    /** One checksum object per thread (event loop): no allocation per packet. */
    private static final FastThreadLocal<CRC32C> CRC = new FastThreadLocal<>() {
        @Override
        protected CRC32C initialValue() {
            return new CRC32C();
        }
    };

    public SctpPacket {
        chunks = List.copyOf(chunks);
        if (sourcePort < 0 || sourcePort > 0xFFFF || destinationPort < 0 || destinationPort > 0xFFFF
                || (verificationTag >>> 32) != 0) {
            throw new IllegalArgumentException("common header field out of range");
        }
    }

    /**
     * Decodes the readable bytes of {@code buf} without checking the checksum ({@link #checksumMatches} does).
     * DATA chunks of the result are slices of {@code buf}.
     */
    public static SctpPacket decode(ByteBuf buf) throws SctpParseException {
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        if (end - start < COMMON_HEADER_LENGTH + Chunk.HEADER_LENGTH) {
            throw new SctpParseException(Reason.LENGTH_PAST_END, "packet shorter than a header and a chunk");
        }
        return new SctpPacket(buf.getUnsignedShort(start), buf.getUnsignedShort(start + 2),
                buf.getUnsignedInt(start + 4),
                ChunkDecoder.decodeAll(buf, start + COMMON_HEADER_LENGTH, end));
    }

    /** Bytes of the encoded packet. */
    public int length() {
        int sum = COMMON_HEADER_LENGTH;
        for (Chunk c : chunks) {
            sum += c.paddedLength();
        }
        return sum;
    }

    /** Writes header, chunks and the checksum at the writer index of {@code out}. */
    public void encode(ByteBuf out) {
        int start = out.writerIndex();
        writeHeader(out, sourcePort, destinationPort, verificationTag);
        for (Chunk c : chunks) {
            c.encode(out);
        }
        writeChecksum(out, start);
    }

    public static void writeHeader(ByteBuf out, int sourcePort, int destinationPort, long verificationTag) {
        out.writeShort(sourcePort);
        out.writeShort(destinationPort);
        out.writeInt((int) verificationTag);
        out.writeInt(0);
    }

    /** Computes the CRC32c of the packet starting at {@code start} up to the writer index and stores it. */
    public static void writeChecksum(ByteBuf out, int start) {
        out.setIntLE(start + CHECKSUM_OFFSET, (int) crc32c(out, start, out.writerIndex() - start));
    }

    /** RFC 9260 §6.8: the checksum over the packet with the checksum field taken as zero. */
    public static boolean checksumMatches(ByteBuf buf) {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < COMMON_HEADER_LENGTH) {
            return false;
        }
        return (int) crc32c(buf, start, length) == buf.getIntLE(start + CHECKSUM_OFFSET);
    }

    /**
     * RFC 9260 Appendix A: CRC32c (Castagnoli) over the packet, checksum field as zeros. The result's low byte goes
     * first on the wire, hence the little-endian store.
     */
    static long crc32c(ByteBuf buf, int start, int length) {
        CRC32C crc = CRC.get();
        crc.reset();
        update(crc, buf, start, CHECKSUM_OFFSET);
        crc.update(ZERO_CHECKSUM);
        update(crc, buf, start + COMMON_HEADER_LENGTH, length - COMMON_HEADER_LENGTH);
        return crc.getValue();
    }

    private static void update(CRC32C crc, ByteBuf buf, int index, int length) {
        if (buf.nioBufferCount() == 1) {
            ByteBuffer nio = buf.internalNioBuffer(index, length);
            crc.update(nio);
        } else {
            for (ByteBuffer nio : buf.nioBuffers(index, length)) {
                crc.update(nio);
            }
        }
    }
}
