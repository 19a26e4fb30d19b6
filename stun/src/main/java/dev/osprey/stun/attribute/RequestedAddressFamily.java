package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.10): the family of the relayed address to allocate; one family byte and 3 reserved bytes. An unknown family code is kept so the server can
 * answer 440 (Address Family not Supported) rather than 400.
 */
public record RequestedAddressFamily(int familyCode) implements StunAttribute {
    public RequestedAddressFamily {
        AttributeValues.requireRange("REQUESTED-ADDRESS-FAMILY", familyCode, 0, 255);
    }

    public static RequestedAddressFamily of(AddressFamily family) {
        return new RequestedAddressFamily(family.code());
    }

    /** The family, or {@code null} when the code is not one RFC 8489 defines. */
    public AddressFamily family() {
        return AddressFamily.ofCode(familyCode);
    }

    static RequestedAddressFamily decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("REQUESTED-ADDRESS-FAMILY", length, 4);
        return new RequestedAddressFamily(buf.getUnsignedByte(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.REQUESTED_ADDRESS_FAMILY;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeByte(familyCode);
        out.writeMedium(0);
    }
}
