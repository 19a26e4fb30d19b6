package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.List;
import java.util.Optional;

/**
 * INIT (RFC 9260 §3.3.2) and INIT ACK (§3.3.3): the same fixed fields followed by parameters. An INIT ACK must carry
 * a State Cookie parameter; an INIT must not.
 *
 * @param ack              true for INIT ACK
 * @param initiateTag      the tag the peer must put in every packet it sends to us; never 0
 * @param advertisedWindow a_rwnd in bytes, unsigned 32-bit
 * @param outboundStreams  OS, 1..65535
 * @param inboundStreams   MIS, 1..65535
 * @param initialTsn       first TSN the sender will use
 */
public record InitChunk(boolean ack, long initiateTag, long advertisedWindow, int outboundStreams,
                        int inboundStreams, long initialTsn, List<Parameter> parameters) implements Chunk {
    public static final int FIXED_VALUE_LENGTH = 16;

    public InitChunk {
        parameters = List.copyOf(parameters);
        if ((initiateTag >>> 32) != 0 || (advertisedWindow >>> 32) != 0 || (initialTsn >>> 32) != 0
                || outboundStreams < 0 || outboundStreams > 0xFFFF || inboundStreams < 0 || inboundStreams > 0xFFFF) {
            throw new IllegalArgumentException("INIT field out of range");
        }
    }

    static InitChunk decode(boolean ack, ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < FIXED_VALUE_LENGTH) {
            throw new SctpParseException("INIT chunk shorter than its fixed fields");
        }
        List<Parameter> params = Tlv.readParameters(buf, index + FIXED_VALUE_LENGTH, index + length);
        return new InitChunk(ack, buf.getUnsignedInt(index), buf.getUnsignedInt(index + 4),
                buf.getUnsignedShort(index + 8), buf.getUnsignedShort(index + 10), buf.getUnsignedInt(index + 12),
                params);
    }

    @Override
    public ChunkType type() {
        return ack ? ChunkType.INIT_ACK : ChunkType.INIT;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return FIXED_VALUE_LENGTH + Tlv.parametersLength(parameters);
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeInt((int) initiateTag);
        out.writeInt((int) advertisedWindow);
        out.writeShort(outboundStreams);
        out.writeShort(inboundStreams);
        out.writeInt((int) initialTsn);
        Tlv.writeParameters(parameters, out);
    }

    public Optional<Parameter> parameter(int type) {
        for (Parameter p : parameters) {
            if (p.type() == type) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<OpaqueValue> stateCookie() {
        return parameter(ParameterType.STATE_COOKIE).map(Parameter::value);
    }

    /** RFC 3758 §3.1: the peer announced Forward-TSN-Supported. */
    public boolean forwardTsnSupported() {
        return parameter(ParameterType.FORWARD_TSN_SUPPORTED).isPresent() || supportsExtension(ChunkType.FORWARD_TSN);
    }

    /** RFC 5061 §4.2.7: the chunk type is listed in the Supported Extensions parameter. */
    public boolean supportsExtension(ChunkType type) {
        return parameter(ParameterType.SUPPORTED_EXTENSIONS).map(p -> {
            byte[] types = p.value().toByteArray();
            for (byte t : types) {
                if ((t & 0xFF) == type.code()) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
