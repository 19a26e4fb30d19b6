package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * An attribute this codec has no class for (RFC 8489 §14: unknown comprehension-optional attributes are ignored,
 * unknown comprehension-required ones make a request fail with 420). Its raw value is kept so the message
 * re-encodes unchanged.
 */
public record UnknownAttribute(StunAttributeType type, byte[] value) implements StunAttribute {
    public UnknownAttribute {
        if (type == null) {
            throw new IllegalArgumentException("an attribute needs a type");
        }
        if (AttributeDecoder.isUnderstood(type.code())) {
            throw new IllegalArgumentException(type + " has its own attribute class");
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value longer than 65535 bytes");
        }
        value = value.clone();
    }

    static UnknownAttribute decode(int type, ByteBuf buf, int index, int length) {
        return new UnknownAttribute(StunAttributeType.valueOf(type), AttributeValues.bytes(buf, index, length));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownAttribute other && other.type.equals(type) && Arrays.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "UnknownAttribute[" + type + ", " + value.length + " bytes]";
    }
}
