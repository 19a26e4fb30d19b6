package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/** DONT-FRAGMENT (RFC 8656 §18.8): set the DF bit on the relayed packet; no value. */
public record DontFragment() implements StunAttribute {
    public static final DontFragment INSTANCE = new DontFragment();

    static DontFragment decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("DONT-FRAGMENT", length, 0);
        return INSTANCE;
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.DONT_FRAGMENT;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        // no value
    }
}
