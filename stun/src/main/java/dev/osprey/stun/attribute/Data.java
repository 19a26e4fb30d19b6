package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * DATA (RFC 8656 §18.4): the application payload of a Send or Data indication. The decoded value is a copy; a relay
 * that wants the bytes in place finds them with {@code AttributeScanner.find(msg, 0x0013)} and slices.
 */
public record Data(byte[] data) implements StunAttribute {
    public Data {
        data = data.clone();
    }

    static Data decode(ByteBuf buf, int index, int length) {
        return new Data(AttributeValues.bytes(buf, index, length));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.DATA;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Data other && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Data[" + data.length + " bytes]";
    }
}
