package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/** LIFETIME (RFC 8656 §18.2): seconds until an allocation expires without a refresh, 32-bit unsigned. */
public record Lifetime(long seconds) implements StunAttribute {
    public Lifetime {
        AttributeValues.requireUnsigned32("LIFETIME", seconds);
    }

    static Lifetime decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("LIFETIME", length, 4);
        return new Lifetime(buf.getUnsignedInt(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.LIFETIME;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeInt((int) seconds);
    }
}
