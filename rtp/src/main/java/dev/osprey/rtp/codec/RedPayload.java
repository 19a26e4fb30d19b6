package dev.osprey.rtp.codec;

import io.netty.buffer.ByteBuf;

/**
 * A redundant audio payload, RFC 2198 §3: block headers (F=1: payload type, 14-bit timestamp offset, 10-bit block
 * length; the last, F=0: payload type only), then the block data in the same order. The last block is the primary
 * encoding; the others repeat earlier packets. WebRTC uses it for Opus ({@code red/48000/2}).
 */
public final class RedPayload extends PayloadView {
    /** Blocks this flyweight records; more is rejected (WebRTC sends at most a few). */
    public static final int MAX_BLOCKS = 16;

    private int blockCount;
    private final int[] payloadTypes = new int[MAX_BLOCKS];
    private final int[] timestampOffsets = new int[MAX_BLOCKS];
    private final int[] offsets = new int[MAX_BLOCKS];
    private final int[] lengths = new int[MAX_BLOCKS];

    @Override
    protected String parse() {
        int end = offset + length;
        int at = offset;
        blockCount = 0;
        while (true) {
            if (blockCount == MAX_BLOCKS) {
                return "more than " + MAX_BLOCKS + " RED blocks";
            }
            int header = buf.getUnsignedByte(at);
            payloadTypes[blockCount] = header & 0x7F;
            if ((header & 0x80) == 0) {
                at++;
                timestampOffsets[blockCount++] = 0;
                break;
            }
            if (at + 4 > end) {
                return "RED block header cut";
            }
            int rest = buf.getUnsignedMedium(at + 1);
            timestampOffsets[blockCount] = rest >>> 10;
            lengths[blockCount++] = rest & 0x3FF;
            at += 4;
            if (at >= end) {
                return "RED headers without a primary block header";
            }
        }
        for (int i = 0; i < blockCount - 1; i++) {
            offsets[i] = at;
            at += lengths[i];
            if (at > end) {
                return "RED block " + i + " runs past the payload";
            }
        }
        offsets[blockCount - 1] = at;
        lengths[blockCount - 1] = end - at;
        return null;
    }

    public int blockCount() {
        return blockCount;
    }

    /** Index of the primary block (the last one). */
    public int primaryIndex() {
        return blockCount - 1;
    }

    public int blockPayloadType(int i) {
        return payloadTypes[check(i)];
    }

    /** How much earlier than the packet's timestamp the block's audio starts (0 for the primary). */
    public int blockTimestampOffset(int i) {
        return timestampOffsets[check(i)];
    }

    /** Absolute index of block {@code i}'s data. */
    public int blockOffset(int i) {
        return offsets[check(i)];
    }

    public int blockLength(int i) {
        return lengths[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= blockCount) {
            throw new IndexOutOfBoundsException("RED block " + i + " of " + blockCount);
        }
        return i;
    }

    /** Appends the 4-byte header of a redundant block. */
    public static void writeRedundantHeader(ByteBuf dst, int payloadType, int timestampOffset, int blockLength) {
        if ((payloadType & ~0x7F) != 0 || (timestampOffset & ~0x3FFF) != 0 || (blockLength & ~0x3FF) != 0) {
            throw new IllegalArgumentException("RED header field out of range");
        }
        dst.writeByte(0x80 | payloadType);
        dst.writeMedium(timestampOffset << 10 | blockLength);
    }

    /** Appends the 1-byte header of the primary block. */
    public static void writePrimaryHeader(ByteBuf dst, int payloadType) {
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        dst.writeByte(payloadType);
    }
}
