package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * NONCE (RFC 8489 §14.10): a server-chosen nonce for replay protection in the long-term mechanism; may begin with the "obMatJos2" security-feature cookie.
 */
public record Nonce(String value) implements StunAttribute {
    /** The longest value in UTF-8 bytes. */
    public static final int MAX_BYTES = AttributeValues.MAX_TEXT_BYTES;

    public Nonce {
        AttributeValues.checkedUtf8("NONCE", value, MAX_BYTES);
    }

    static Nonce decode(ByteBuf buf, int index, int length) {
        return new Nonce(AttributeValues.utf8("NONCE", buf, index, length, MAX_BYTES));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.NONCE;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(AttributeValues.checkedUtf8("NONCE", value, MAX_BYTES));
    }
}
