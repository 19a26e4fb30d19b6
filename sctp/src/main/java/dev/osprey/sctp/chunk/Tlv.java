package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the type-length-value lists shared by chunk parameters and error causes (RFC 9260 §3.2.1, §3.3.10). The
 * padding of the last element may be missing, since the chunk length does not count the chunk's own padding.
 */
final class Tlv {
    /** Bounds the objects one chunk can make us allocate: a 64 KiB chunk holds at most 16384 empty TLVs anyway. */
    static final int MAX_ELEMENTS = 256;

    private Tlv() {
    }

    static List<Parameter> readParameters(ByteBuf buf, int index, int end) throws SctpParseException {
        List<Parameter> out = new ArrayList<>();
        while (index < end) {
            int length = elementLength(buf, index, end, out.size());
            out.add(new Parameter(buf.getUnsignedShort(index), OpaqueValue.copyOf(buf, index + 4, length - 4)));
            index = Math.min(end, index + ((length + 3) & ~3));
        }
        return out;
    }

    static List<ErrorCause> readCauses(ByteBuf buf, int index, int end) throws SctpParseException {
        List<ErrorCause> out = new ArrayList<>();
        while (index < end) {
            int length = elementLength(buf, index, end, out.size());
            out.add(new ErrorCause(buf.getUnsignedShort(index), OpaqueValue.copyOf(buf, index + 4, length - 4)));
            index = Math.min(end, index + ((length + 3) & ~3));
        }
        return out;
    }

    private static int elementLength(ByteBuf buf, int index, int end, int count) throws SctpParseException {
        if (count >= MAX_ELEMENTS) {
            throw new SctpParseException("more than " + MAX_ELEMENTS + " parameters");
        }
        if (end - index < 4) {
            throw new SctpParseException("truncated parameter header");
        }
        int length = buf.getUnsignedShort(index + 2);
        if (length < 4 || length > end - index) {
            throw new SctpParseException("parameter length " + length + " outside " + (end - index));
        }
        return length;
    }

    /**
     * RFC 9260 §3.2: the chunk length includes the padding of every parameter except the last one, whose padding is
     * the chunk's own.
     */
    static int parametersLength(List<Parameter> parameters) {
        int sum = 0;
        for (Parameter p : parameters) {
            sum += p.paddedLength();
        }
        return parameters.isEmpty() ? 0 : sum - (parameters.getLast().paddedLength() - parameters.getLast().length());
    }

    static void writeParameters(List<Parameter> parameters, ByteBuf out) {
        int start = out.writerIndex();
        for (Parameter p : parameters) {
            p.encode(out);
        }
        out.writerIndex(start + parametersLength(parameters));
    }

    static int causesLength(List<ErrorCause> causes) {
        int sum = 0;
        for (ErrorCause c : causes) {
            sum += c.paddedLength();
        }
        return causes.isEmpty() ? 0 : sum - (causes.getLast().paddedLength() - causes.getLast().length());
    }

    static void writeCauses(List<ErrorCause> causes, ByteBuf out) {
        int start = out.writerIndex();
        for (ErrorCause c : causes) {
            c.encode(out);
        }
        out.writerIndex(start + causesLength(causes));
    }
}
