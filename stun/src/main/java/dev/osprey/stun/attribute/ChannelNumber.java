package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * CHANNEL-NUMBER (RFC 8656 §18.1): a 16-bit channel number and 16 reserved bits. Any number is kept; the TURN server
 * checks the 0x4000–0x4FFF range (§12).
 */
public record ChannelNumber(int number) implements StunAttribute {
    public ChannelNumber {
        AttributeValues.requireRange("CHANNEL-NUMBER", number, 0, 0xFFFF);
    }

    static ChannelNumber decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("CHANNEL-NUMBER", length, 4);
        return new ChannelNumber(buf.getUnsignedShort(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.CHANNEL_NUMBER;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeShort(number);
        out.writeShort(0);
    }
}
