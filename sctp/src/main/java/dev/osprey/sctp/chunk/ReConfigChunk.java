package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * RE-CONFIG (RFC 6525 §3.1): one or two re-configuration parameters (requests and/or responses).
 */
public record ReConfigChunk(List<ReConfigParameter> parameters) implements Chunk {

    public ReConfigChunk {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty() || parameters.size() > 2) {
            throw new IllegalArgumentException("RE-CONFIG carries one or two parameters");
        }
    }

    static ReConfigChunk decode(ByteBuf buf, int index, int length) throws SctpParseException {
        List<ReConfigParameter> params = new ArrayList<>(2);
        int end = index + length;
        while (index < end) {
            if (params.size() == 2) {
                throw new SctpParseException("RE-CONFIG with more than two parameters");
            }
            if (end - index < 4) {
                throw new SctpParseException("truncated RE-CONFIG parameter");
            }
            int paramLength = buf.getUnsignedShort(index + 2);
            if (paramLength < 4 || paramLength > end - index) {
                throw new SctpParseException("RE-CONFIG parameter length " + paramLength);
            }
            params.add(ReConfigParameter.decode(buf, index, paramLength));
            index = Math.min(end, index + ((paramLength + 3) & ~3));
        }
        if (params.isEmpty()) {
            throw new SctpParseException("empty RE-CONFIG");
        }
        return new ReConfigChunk(params);
    }

    @Override
    public ChunkType type() {
        return ChunkType.RE_CONFIG;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        int sum = 0;
        for (ReConfigParameter p : parameters) {
            sum += p.paddedLength();
        }
        ReConfigParameter last = parameters.getLast();
        return sum - (last.paddedLength() - last.length());
    }

    @Override
    public void writeValue(ByteBuf out) {
        int start = out.writerIndex();
        for (ReConfigParameter p : parameters) {
            p.encode(out);
        }
        out.writerIndex(start + valueLength());
    }
}
