package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * ALTERNATE-DOMAIN (RFC 8489 §14.16): the domain name of the alternate server, for certificate checks after a 300 over (D)TLS.
 */
public record AlternateDomain(String value) implements StunAttribute {
    /** The longest value in UTF-8 bytes. */
    public static final int MAX_BYTES = 255;

    public AlternateDomain {
        AttributeValues.checkedUtf8("ALTERNATE-DOMAIN", value, MAX_BYTES);
    }

    static AlternateDomain decode(ByteBuf buf, int index, int length) {
        return new AlternateDomain(AttributeValues.utf8("ALTERNATE-DOMAIN", buf, index, length, MAX_BYTES));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ALTERNATE_DOMAIN;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(AttributeValues.checkedUtf8("ALTERNATE-DOMAIN", value, MAX_BYTES));
    }
}
