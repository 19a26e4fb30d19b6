package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * ICE-CONTROLLING (RFC 8445 §7.1.3, §16.1): the sender believes it is controlling and offers this 64-bit tie-breaker for role
 * conflict resolution (§7.3.1.1).
 */
public record IceControlling(long tieBreaker) implements StunAttribute {
    static IceControlling decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("ICE-CONTROLLING", length, 8);
        return new IceControlling(buf.getLong(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ICE_CONTROLLING;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeLong(tieBreaker);
    }
}
