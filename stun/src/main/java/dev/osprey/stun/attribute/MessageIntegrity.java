package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): the 20-byte HMAC-SHA1 of the message up to this attribute, with the header
 * length counting up to its end. A decoded message carries the received MAC as this value; the encoder computes a
 * fresh one when given a key (see {@code MessageProtection}), and {@code StunIntegrity} checks one in place.
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {
    public static final int LENGTH = 20;

    public MessageIntegrity {
        if (hmac.length != LENGTH) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY carries 20 bytes, not " + hmac.length);
        }
        hmac = hmac.clone();
    }

    static MessageIntegrity decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("MESSAGE-INTEGRITY", length, LENGTH);
        return new MessageIntegrity(AttributeValues.bytes(buf, index, length));
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.MESSAGE_INTEGRITY;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(hmac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrity other && Arrays.equals(other.hmac, hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
