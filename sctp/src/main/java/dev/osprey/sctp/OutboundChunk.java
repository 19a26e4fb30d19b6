package dev.osprey.sctp;

import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.ChunkType;
import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.IDataChunk;
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
    /** RFC 8260: sent as I-DATA with this fragment sequence number; -1 for DATA. */
    final long fsn;
    State state = State.IN_FLIGHT;
    int transmissions;
    long lastSentNanos;
    int missIndications;
    boolean fastRetransmitted;
    /** Set when the chunk was marked by fast retransmit and may bypass cwnd in the next packet (§7.2.4 step 3). */
    boolean fastRetransmitPending;

    OutboundChunk(OutboundMessage message, long tsn, int offset, int length, long fsn) {
        this.message = message;
        this.fsn = fsn;
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
        return ((fsn < 0 ? DataChunk.HEADER_OVERHEAD : IDataChunk.HEADER_OVERHEAD) + length + 3) & ~3;
    }

    /** Writes the DATA chunk straight from the message buffer: no intermediate object. */
    void encode(ByteBuf out) {
        if (fsn >= 0) {
            encodeInterleaved(out);
            return;
        }
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

    /** RFC 8260 §2.1: the first fragment carries the PPID where the others carry their FSN. */
    private void encodeInterleaved(ByteBuf out) {
        int chunkLength = Chunk.HEADER_LENGTH + IDataChunk.FIXED_VALUE_LENGTH + length;
        out.writeByte(ChunkType.I_DATA.code());
        out.writeByte(flags);
        out.writeShort(chunkLength);
        out.writeInt((int) tsn);
        out.writeShort(message.streamId);
        out.writeShort(0);
        out.writeInt((int) message.mid());
        out.writeInt((int) (fsn == 0 ? message.ppid : fsn));
        ByteBuf data = message.data();
        out.writeBytes(data, data.readerIndex() + offset, length);
        out.writeZero(encodedLength() - chunkLength);
    }
}
