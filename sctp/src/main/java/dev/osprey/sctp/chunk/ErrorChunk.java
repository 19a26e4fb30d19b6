package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.List;

/** ERROR (RFC 9260 §3.3.10): reports conditions that do not end the association, such as unrecognized chunks. */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {

    public ErrorChunk {
        causes = List.copyOf(causes);
    }

    static ErrorChunk decode(ByteBuf buf, int index, int length) throws SctpParseException {
        return new ErrorChunk(Tlv.readCauses(buf, index, index + length));
    }

    @Override
    public ChunkType type() {
        return ChunkType.ERROR;
    }

    @Override
    public int flags() {
        return 0;
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
