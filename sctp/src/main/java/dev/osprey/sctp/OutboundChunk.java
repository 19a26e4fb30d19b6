package dev.osprey.sctp;

import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.DataChunk;
import io.netty.buffer.ByteBuf;

/**
 * One DATA chunk that has a TSN: its place in the message and its transmission state (RFC 9260 §6.3, §7.2.4,
 * RFC 3758 §3.5).
 */
final class OutboundChunk {

    enum State { IN_FLIGHT, GAP_ACKED, TO_RETRANSMIT, ABANDONED }

    final OutboundMessage message;
    final long tsn;
    final int offset;
    final int length;
    final int flags;
    State state = State.IN_FLIGHT;
    int transmissions;
    long lastSentNanos;
    int missIndications;
    boolean fastRetransmitted;
    /** Set when the chunk was marked by fast retransmit and may bypass cwnd in the next packet (§7.2.4 step 3). */
    boolean fastRetransmitPending;

    OutboundChunk(OutboundMessage message, long tsn, int offset, int length) {
        this.message = message;
        this.tsn = tsn;
        this.offset = offset;
        this.length = length;
        int f = message.unordered ? DataChunk.FLAG_UNORDERED : 0;
        if (offset == 0) {
            f |= DataChunk.FLAG_BEGINNING;
        }
        if (offset + length == message.length) {
            f |= DataChunk.FLAG_ENDING;
        }
        this.flags = f;
    }

    /** Bytes this chunk takes in a packet, padding included. */
    int encodedLength() {
        return (DataChunk.HEADER_OVERHEAD + length + 3) & ~3;
    }

    /** Writes the DATA chunk straight from the message buffer: no intermediate object. */
    void encode(ByteBuf out) {
        int chunkLength = Chunk.HEADER_LENGTH + DataChunk.FIXED_VALUE_LENGTH + length;
        out.writeByte(0);
        out.writeByte(flags);
        out.writeShort(chunkLength);
        out.writeInt((int) tsn);
        out.writeShort(message.streamId);
        out.writeShort(message.unordered ? 0 : message.ssn());
        out.writeInt((int) message.ppid);
        ByteBuf data = message.data();
        out.writeBytes(data, data.readerIndex() + offset, length);
        out.writeZero(encodedLength() - chunkLength);
    }
}
