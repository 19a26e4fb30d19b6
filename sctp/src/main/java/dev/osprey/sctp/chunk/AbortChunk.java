package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * ABORT (RFC 9260 §3.3.7): closes the association at once, with zero or more error causes. With the T bit set the
 * packet carries the sender's own verification tag (the receiver's "peer tag") instead of the receiver's.
 */
public record AbortChunk(boolean tagReflected, List<ErrorCause> causes) implements Chunk {
    public static final int FLAG_T = 0x01;

    public AbortChunk {
        causes = List.copyOf(causes);
    }

    static AbortChunk decode(int flags, ByteBuf buf, int index, int length) throws SctpParseException {
        return new AbortChunk((flags & FLAG_T) != 0, Tlv.readCauses(buf, index, index + length));
    }

    @Override
    public ChunkType type() {
        return ChunkType.ABORT;
    }

    @Override
    public int flags() {
        return tagReflected ? FLAG_T : 0;
    }

    @Override
    public int valueLength() {
        return Tlv.causesLength(causes);
    }

    @Override
    public void writeValue(ByteBuf out) {
        Tlv.writeCauses(causes, out);
    }
}
