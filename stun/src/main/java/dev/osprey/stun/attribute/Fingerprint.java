package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute XOR 0x5354554E, always the last
 * attribute. It lets a receiver tell STUN from other protocols multiplexed on the same port. The decoder checks it;
 * the encoder computes it when asked to.
 */
public record Fingerprint(int crc) implements StunAttribute {
    public static final int LENGTH = 4;
    /** XOR-ed into the CRC so that a STUN message inside another CRC-32-protected protocol still differs. */
    public static final int XOR = 0x5354554E;

    static Fingerprint decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("FINGERPRINT", length, LENGTH);
        return new Fingerprint(buf.getInt(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.FINGERPRINT;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeInt(crc);
    }
}
