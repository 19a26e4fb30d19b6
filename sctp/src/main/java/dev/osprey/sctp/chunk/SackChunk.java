package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * SACK (RFC 9260 §3.3.4): the cumulative TSN ack, the advertised receiver window, gap ack blocks and duplicate TSNs.
 *
 * @param gapAckBlocks pairs of (start, end) offsets from the cumulative TSN ack, each unsigned 16-bit, so block
 *                     {@code i} covers TSNs {@code cum + gapAckBlocks[2i]} .. {@code cum + gapAckBlocks[2i+1]}
 * @param duplicateTsns TSNs received more than once since the last SACK
 */
public record SackChunk(long cumulativeTsnAck, long advertisedWindow, int[] gapAckBlocks, long[] duplicateTsns)
        implements Chunk {
    public static final int FIXED_VALUE_LENGTH = 12;

    public SackChunk {
        if ((cumulativeTsnAck >>> 32) != 0 || (advertisedWindow >>> 32) != 0 || (gapAckBlocks.length & 1) != 0
                || gapAckBlocks.length / 2 > 0xFFFF || duplicateTsns.length > 0xFFFF) {
            throw new IllegalArgumentException("SACK field out of range");
        }
        for (int offset : gapAckBlocks) {
            if (offset < 0 || offset > 0xFFFF) {
                throw new IllegalArgumentException("gap ack offset " + offset);
            }
        }
    }

    static SackChunk decode(ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < FIXED_VALUE_LENGTH) {
            throw new SctpParseException("SACK chunk shorter than its fixed fields");
        }
        int blocks = buf.getUnsignedShort(index + 8);
        int duplicates = buf.getUnsignedShort(index + 10);
        if (FIXED_VALUE_LENGTH + 4L * blocks + 4L * duplicates != length) {
            throw new SctpParseException("SACK counts do not match its length");
        }
        int[] gaps = new int[2 * blocks];
        int at = index + FIXED_VALUE_LENGTH;
        for (int i = 0; i < gaps.length; i++, at += 2) {
            gaps[i] = buf.getUnsignedShort(at);
        }
        long[] dups = new long[duplicates];
        for (int i = 0; i < dups.length; i++, at += 4) {
            dups[i] = buf.getUnsignedInt(at);
        }
        return new SackChunk(buf.getUnsignedInt(index), buf.getUnsignedInt(index + 4), gaps, dups);
    }

    public int gapAckBlockCount() {
        return gapAckBlocks.length / 2;
    }

    @Override
    public ChunkType type() {
        return ChunkType.SACK;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + 2 * gapAckBlocks.length + 4 * duplicateTsns.length;
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) cumulativeTsnAck);
        out.writeInt((int) advertisedWindow);
        out.writeShort(gapAckBlocks.length / 2);
        out.writeShort(duplicateTsns.length);
        for (int offset : gapAckBlocks) {
            out.writeShort(offset);
        }
        for (long tsn : duplicateTsns) {
            out.writeInt((int) tsn);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SackChunk s && s.cumulativeTsnAck == cumulativeTsnAck
                && s.advertisedWindow == advertisedWindow && Arrays.equals(s.gapAckBlocks, gapAckBlocks)
                && Arrays.equals(s.duplicateTsns, duplicateTsns);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(cumulativeTsnAck) * 31 + Arrays.hashCode(gapAckBlocks) * 17
                + Arrays.hashCode(duplicateTsns) + Long.hashCode(advertisedWindow);
    }

    @Override
    public String toString() {
        return "SACK[cum=" + cumulativeTsnAck + ", a_rwnd=" + advertisedWindow + ", gaps="
                + Arrays.toString(gapAckBlocks) + ", dups=" + Arrays.toString(duplicateTsns) + "]";
    }
}
