package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * FORWARD TSN (RFC 3758 §3.2): tells the receiver to move its cumulative TSN to {@code newCumulativeTsn}, skipping
 * abandoned messages, and for ordered streams the largest stream sequence number skipped.
 */
public record ForwardTsnChunk(long newCumulativeTsn, List<SkippedStream> skipped) implements Chunk {

    /** One stream / stream sequence pair of a FORWARD TSN. */
    public record SkippedStream(int streamId, int ssn) {
        public SkippedStream {
            if (streamId < 0 || streamId > 0xFFFF || ssn < 0 || ssn > 0xFFFF) {
                throw new IllegalArgumentException("stream " + streamId + " ssn " + ssn);
            }
        }
    }

    public ForwardTsnChunk {
        skipped = List.copyOf(skipped);
        if ((newCumulativeTsn >>> 32) != 0 || skipped.size() > (0xFFFF - 8) / 4) {
            throw new IllegalArgumentException("FORWARD TSN out of range");
        }
    }

    static ForwardTsnChunk decode(ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < 4 || (length & 3) != 0) {
            throw new SctpParseException("FORWARD TSN value length " + length);
        }
        SkippedStream[] pairs = new SkippedStream[(length - 4) / 4];
        for (int i = 0; i < pairs.length; i++) {
            int at = index + 4 + 4 * i;
            pairs[i] = new SkippedStream(buf.getUnsignedShort(at), buf.getUnsignedShort(at + 2));
        }
        return new ForwardTsnChunk(buf.getUnsignedInt(index), List.of(pairs));
    }

    @Override
    public ChunkType type() {
        return ChunkType.FORWARD_TSN;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 4 + 4 * skipped.size();
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) newCumulativeTsn);
        for (SkippedStream s : skipped) {
            out.writeShort(s.streamId());
            out.writeShort(s.ssn());
        }
    }
}
