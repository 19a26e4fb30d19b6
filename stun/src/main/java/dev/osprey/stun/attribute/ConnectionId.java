package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/** CONNECTION-ID (RFC 6062 §6.2.1): the 32-bit id of a TURN-TCP peer connection. */
public record ConnectionId(long id) implements StunAttribute {
    public ConnectionId {
        AttributeValues.requireUnsigned32("CONNECTION-ID", id);
    }

    static ConnectionId decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("CONNECTION-ID", length, 4);
        return new ConnectionId(buf.getUnsignedInt(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.CONNECTION_ID;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeInt((int) id);
    }
}
