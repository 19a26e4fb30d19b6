package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * USERNAME (RFC 8489 §14.3, RFC 8445 §7.2.2): the user of a long-term credential, or in ICE "receiver-ufrag:sender-ufrag". RFC 8489 caps it below 509 bytes; ICE ufrags may each be 256 characters, so the two joined (513 bytes) are accepted too.
 */
public record Username(String value) implements StunAttribute {
    /** The longest value in UTF-8 bytes. */
    public static final int MAX_BYTES = 513;

    public Username {
        AttributeValues.checkedUtf8("USERNAME", value, MAX_BYTES);
    }

    static Username decode(ByteBuf buf, int index, int length) {
        return new Username(AttributeValues.utf8("USERNAME", buf, index, length, MAX_BYTES));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.USERNAME;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(AttributeValues.checkedUtf8("USERNAME", value, MAX_BYTES));
    }
}
