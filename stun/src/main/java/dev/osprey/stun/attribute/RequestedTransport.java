package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * REQUESTED-TRANSPORT (RFC 8656 §18.7): the IP protocol number of the relayed transport (17 for UDP, 6 for TCP per
 * RFC 6062) followed by 3 reserved bytes. Any protocol number is kept; the server answers 442 for unsupported ones.
 */
public record RequestedTransport(int protocol) implements StunAttribute {
    public static final int UDP = 17;
    public static final int TCP = 6;

    public RequestedTransport {
        AttributeValues.requireRange("REQUESTED-TRANSPORT protocol", protocol, 0, 255);
    }

    static RequestedTransport decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("REQUESTED-TRANSPORT", length, 4);
        return new RequestedTransport(buf.getUnsignedByte(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.REQUESTED_TRANSPORT;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeByte(protocol);
        out.writeMedium(0);
    }
}
