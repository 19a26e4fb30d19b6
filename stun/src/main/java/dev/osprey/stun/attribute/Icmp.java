package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * ICMP (RFC 8656 §18.13): in a Data indication, the ICMP error a relayed packet caused: 2 reserved bytes, the ICMP
 * type and code (one byte each, as implementations read the figure), and 4 bytes of error data (the next-hop MTU
 * for "fragmentation needed", else zero).
 */
public record Icmp(int icmpType, int icmpCode, int errorData) implements StunAttribute {
    public Icmp {
        AttributeValues.requireRange("ICMP type", icmpType, 0, 255);
        AttributeValues.requireRange("ICMP code", icmpCode, 0, 255);
    }

    static Icmp decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("ICMP", length, 8);
        return new Icmp(buf.getUnsignedByte(index + 2), buf.getUnsignedByte(index + 3), buf.getInt(index + 4));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ICMP;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeShort(0);
        out.writeByte(icmpType);
        out.writeByte(icmpCode);
        out.writeInt(errorData);
    }
}
