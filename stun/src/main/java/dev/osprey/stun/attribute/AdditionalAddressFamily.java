package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * ADDITIONAL-ADDRESS-FAMILY (RFC 8656 §18.11): a second relayed address family (IPv6 only) for a dual-stack allocation; one family byte and 3 reserved bytes. An unknown family code is kept so the server can
 * answer 440 (Address Family not Supported) rather than 400.
 */
public record AdditionalAddressFamily(int familyCode) implements StunAttribute {
    public AdditionalAddressFamily {
        AttributeValues.requireRange("ADDITIONAL-ADDRESS-FAMILY", familyCode, 0, 255);
    }

    public static AdditionalAddressFamily of(AddressFamily family) {
        return new AdditionalAddressFamily(family.code());
    }

    /** The family, or {@code null} when the code is not one RFC 8489 defines. */
    public AddressFamily family() {
        return AddressFamily.ofCode(familyCode);
    }

    static AdditionalAddressFamily decode(ByteBuf buf, int index, int length) {
        AttributeValues.requireLength("ADDITIONAL-ADDRESS-FAMILY", length, 4);
        return new AdditionalAddressFamily(buf.getUnsignedByte(index));
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ADDITIONAL_ADDRESS_FAMILY;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeByte(familyCode);
        out.writeMedium(0);
    }
}
