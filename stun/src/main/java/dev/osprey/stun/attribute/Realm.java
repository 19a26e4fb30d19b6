package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * REALM (RFC 8489 §14.9): the long-term credential realm, an unquoted realm-value; its presence in a request signals long-term credentials.
 */
public record Realm(String value) implements StunAttribute {
    /** The longest value in UTF-8 bytes. */
    public static final int MAX_BYTES = AttributeValues.MAX_TEXT_BYTES;

    public Realm {
        AttributeValues.checkedUtf8("REALM", value, MAX_BYTES);
    }

    static Realm decode(ByteBuf buf, int index, int length) {
        return new Realm(AttributeValues.utf8("REALM", buf, index, length, MAX_BYTES));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.REALM;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(AttributeValues.checkedUtf8("REALM", value, MAX_BYTES));
    }
}
