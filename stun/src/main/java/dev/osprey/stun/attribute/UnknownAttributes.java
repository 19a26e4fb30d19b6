package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): in a 420 (Unknown Attribute) response, the comprehension-required types the
 * server did not understand, 16 bits each.
 */
public record UnknownAttributes(List<StunAttributeType> types) implements StunAttribute {
    public UnknownAttributes {
        types = List.copyOf(types);
        if (types.size() > 0x7FFF) {
            throw new IllegalArgumentException("too many attribute types");
        }
    }

    static UnknownAttributes decode(ByteBuf buf, int index, int length) {
        if (length % 2 != 0) {
            throw AttributeValues.malformed("UNKNOWN-ATTRIBUTES", "odd length " + length);
        }
        List<StunAttributeType> types = new ArrayList<>(length / 2);
        for (int i = 0; i < length; i += 2) {
            types.add(StunAttributeType.valueOf(buf.getUnsignedShort(index + i)));
        }
        return new UnknownAttributes(types);
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.UNKNOWN_ATTRIBUTES;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        for (StunAttributeType t : types) {
            out.writeShort(t.code());
        }
    }
}
