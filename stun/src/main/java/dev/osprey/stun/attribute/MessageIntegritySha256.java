package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256 of the message up to this attribute, 32 bytes when sent
 * by this code, accepted truncated to 16–32 bytes in multiples of 4.
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
    public MessageIntegritySha256 {
        if (hmac.length < 16 || hmac.length > 32 || hmac.length % 4 != 0) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 carries 16-32 bytes in steps of 4, not "
                    + hmac.length);
        }
        hmac = hmac.clone();
    }

    static MessageIntegritySha256 decode(ByteBuf buf, int index, int length) {
        if (length < 16 || length > 32 || length % 4 != 0) {
            throw AttributeValues.malformed("MESSAGE-INTEGRITY-SHA256", "length " + length);
        }
        return new MessageIntegritySha256(AttributeValues.bytes(buf, index, length));
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(hmac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256 other && Arrays.equals(other.hmac, hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
