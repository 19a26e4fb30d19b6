package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * I-FORWARD-TSN (RFC 8260 §2.3.1): FORWARD TSN for associations that use I-DATA. Each entry names the highest
 * skipped message of a stream, ordered and unordered separately.
 */
public record IForwardTsnChunk(long newCumulativeTsn, List<SkippedMessage> skipped) implements Chunk {

    /** One stream / U flag / message identifier entry. */
    public record SkippedMessage(int streamId, boolean unordered, long mid) {
        public SkippedMessage {
            if (streamId < 0 || streamId > 0xFFFF || (mid >>> 32) != 0) {
                throw new IllegalArgumentException("stream " + streamId + " mid " + mid);
            }
        }
    }

    public IForwardTsnChunk {
        skipped = List.copyOf(skipped);
        if ((newCumulativeTsn >>> 32) != 0 || skipped.size() > (0xFFFF - 8) / 8) {
            throw new IllegalArgumentException("I-FORWARD-TSN out of range");
        }
    }

    static IForwardTsnChunk decode(ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < 4 || ((length - 4) & 7) != 0) {
            throw new SctpParseException("I-FORWARD-TSN value length " + length);
        }
        SkippedMessage[] entries = new SkippedMessage[(length - 4) / 8];
        for (int i = 0; i < entries.length; i++) {
            int at = index + 4 + 8 * i;
            entries[i] = new SkippedMessage(buf.getUnsignedShort(at), (buf.getUnsignedShort(at + 2) & 1) != 0,
                    buf.getUnsignedInt(at + 4));
        }
        return new IForwardTsnChunk(buf.getUnsignedInt(index), List.of(entries));
    }

    @Override
    public ChunkType type() {
        return ChunkType.I_FORWARD_TSN;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return 4 + 8 * skipped.size();
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) newCumulativeTsn);
        for (SkippedMessage s : skipped) {
            out.writeShort(s.streamId());
            out.writeShort(s.unordered() ? 1 : 0);
            out.writeInt((int) s.mid());
        }
    }
}
