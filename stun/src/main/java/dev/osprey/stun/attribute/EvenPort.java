package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * EVEN-PORT (RFC 8656 §18.6): the client wants an even relay port; the R bit (0x80 of the single value byte) asks
 * the server to reserve the next-higher port too.
 */
public record EvenPort(boolean reserveNextPort) implements StunAttribute {
    static EvenPort decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("EVEN-PORT", length, 1);
        return new EvenPort((buf.getUnsignedByte(index) & 0x80) != 0);
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.EVEN_PORT;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeByte(reserveNextPort ? 0x80 : 0);
    }
}
