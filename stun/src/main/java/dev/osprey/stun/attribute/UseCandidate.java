package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/** USE-CANDIDATE (RFC 8445 §7.1.2, §16.1): the controlling agent nominates the pair of this check; no value. */
public record UseCandidate() implements StunAttribute {
    public static final UseCandidate INSTANCE = new UseCandidate();

    static UseCandidate decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("USE-CANDIDATE", length, 0);
        return INSTANCE;
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.USE_CANDIDATE;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        // no value
    }
}
