package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * PRIORITY (RFC 8445 §7.1.1, §16.1): the priority a peer-reflexive candidate learned from this check would get,
 * a 32-bit unsigned number.
 */
public record Priority(long priority) implements StunAttribute {
    public Priority {
        AttributeValues.requireUnsigned32("PRIORITY", priority);
    }

    static Priority decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("PRIORITY", length, 4);
        return new Priority(buf.getUnsignedInt(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.PRIORITY;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeInt((int) priority);
    }
}
