package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

/**
 * HEARTBEAT (RFC 9260 §3.3.5) and HEARTBEAT ACK (§3.3.6): one Heartbeat Info parameter whose content only the
 * sender interprets; the receiver of a HEARTBEAT echoes it unchanged.
 */
public record HeartbeatChunk(boolean ack, OpaqueValue info) implements Chunk {

    public HeartbeatChunk {
        if (info.length() > 0xFFFF - HEADER_LENGTH - Parameter.HEADER_LENGTH) {
            throw new IllegalArgumentException("heartbeat info too long");
        }
    }

    static HeartbeatChunk decode(boolean ack, ByteBuf buf, int index, int length) throws SctpParseException {
        if (length < Parameter.HEADER_LENGTH || buf.getUnsignedShort(index) != ParameterType.HEARTBEAT_INFO) {
            throw new SctpParseException("HEARTBEAT without Heartbeat Info");
        }
        int infoLength = buf.getUnsignedShort(index + 2);
        if (infoLength < Parameter.HEADER_LENGTH || infoLength > length) {
            throw new SctpParseException("Heartbeat Info length " + infoLength + " outside chunk");
        }
        return new HeartbeatChunk(ack, OpaqueValue.copyOf(buf, index + 4, infoLength - Parameter.HEADER_LENGTH));
    }

    @Override
    public ChunkType type() {
        return ack ? ChunkType.HEARTBEAT_ACK : ChunkType.HEARTBEAT;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        return Parameter.HEADER_LENGTH + info.length();
    }

    @Override
    public void writeValue(ByteBuf out) {
        out.writeShort(ParameterType.HEARTBEAT_INFO);
        out.writeShort(Parameter.HEADER_LENGTH + info.length());
        info.writeTo(out);
    }
}
