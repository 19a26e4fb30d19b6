package dev.osprey.turn.server;

import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunHeader;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.allocation.ChannelBinding;
import dev.osprey.turn.frame.ChannelData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Frames data from a peer for the client (RFC 8656 §10.3, §12.6): as ChannelData when the peer is bound to a channel
 * (padded to four bytes on TCP and TLS), otherwise as a Data indication with XOR-PEER-ADDRESS and DATA. The payload
 * is copied once into a pooled buffer sized for the whole message. A Data indication's transaction ID only has to
 * be unique among messages in flight, so it comes from a fast generator rather than a secure one.
 */
public final class PeerDataFramer {
    private static final int DATA_INDICATION_TYPE = StunMethod.DATA.messageType(StunClass.INDICATION);
    private static final int XOR_PEER_ADDRESS_V6_BYTES = 4 + 20;
    /** The largest payload a Data indication can carry within the 16-bit STUN length field. */
    static final int MAX_DATA_INDICATION_PAYLOAD = 0xFFFF - XOR_PEER_ADDRESS_V6_BYTES - 4 - 3;

    private PeerDataFramer() {
    }

    /**
     * The message carrying {@code payload} (not released) from {@code peer} to the client, or null when a payload
     * without a channel is too large for a Data indication.
     */
    public static ByteBuf frame(ByteBufAllocator alloc, ByteBuf payload, InetSocketAddress peer,
                                ChannelBinding binding, boolean stream) {
        int length = payload.readableBytes();
        if (binding != null) {
            int size = stream ? ChannelData.streamFrameLength(length) : ChannelData.HEADER_BYTES + length;
            ByteBuf out = alloc.directBuffer(size);
            ChannelData.writeHeader(out, binding.number(), length);
            out.writeBytes(payload, payload.readerIndex(), length);
            if (stream) {
                ChannelData.writeStreamPadding(out, length);
            }
            return out;
        }
        return length <= MAX_DATA_INDICATION_PAYLOAD ? dataIndication(alloc, payload, peer) : null;
    }

    private static ByteBuf dataIndication(ByteBufAllocator alloc, ByteBuf payload, InetSocketAddress peer) {
        int length = payload.readableBytes();
        ByteBuf out = alloc.directBuffer(StunHeader.LENGTH + XOR_PEER_ADDRESS_V6_BYTES + 4 + length + 3);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        TransactionId id = new TransactionId(random.nextLong(), random.nextInt());
        int start = out.writerIndex();
        out.writeShort(DATA_INDICATION_TYPE);
        out.writeShort(0);
        out.writeInt(StunHeader.MAGIC_COOKIE);
        id.write(out);
        writeAttributeHeader(out, StunAttributeType.XOR_PEER_ADDRESS.code(), 0);
        int valueStart = out.writerIndex();
        new XorPeerAddress(peer).encodeValue(out, id);
        out.setShort(valueStart - 2, out.writerIndex() - valueStart);
        writeAttributeHeader(out, StunAttributeType.DATA.code(), length);
        out.writeBytes(payload, payload.readerIndex(), length);
        out.writeZero((4 - (length & 3)) & 3);
        out.setShort(start + 2, out.writerIndex() - start - StunHeader.LENGTH);
        return out;
    }

    private static void writeAttributeHeader(ByteBuf out, int type, int length) {
        out.writeShort(type);
        out.writeShort(length);
    }
}
