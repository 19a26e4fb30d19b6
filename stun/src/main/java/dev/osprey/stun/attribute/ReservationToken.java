package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/** RESERVATION-TOKEN (RFC 8656 §18.9): an 8-byte token naming a relay port reserved by an earlier EVEN-PORT. */
public record ReservationToken(long token) implements StunAttribute {
    static ReservationToken decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("RESERVATION-TOKEN", length, 8);
        return new ReservationToken(buf.getLong(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.RESERVATION_TOKEN;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeLong(token);
    }
}
