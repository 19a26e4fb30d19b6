package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * SOFTWARE (RFC 8489 §14.14): a textual description of the agent's software, for diagnostics only.
 */
public record Software(String value) implements StunAttribute {
    /** The longest value in UTF-8 bytes. */
    public static final int MAX_BYTES = AttributeValues.MAX_TEXT_BYTES;

    public Software {
        AttributeValues.checkedUtf8("SOFTWARE", value, MAX_BYTES);
    }

    static Software decode(ByteBuf buf, int index, int length) {
        return new Software(AttributeValues.utf8("SOFTWARE", buf, index, length, MAX_BYTES));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.SOFTWARE;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(AttributeValues.checkedUtf8("SOFTWARE", value, MAX_BYTES));
    }
}
