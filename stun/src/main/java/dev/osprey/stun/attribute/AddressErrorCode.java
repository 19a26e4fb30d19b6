package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * ADDRESS-ERROR-CODE (RFC 8656 §18.12): in a dual-stack Allocate response, why the relayed address of one family
 * could not be allocated: the family byte, reserved bits, then an ERROR-CODE style class, number and reason.
 */
public record AddressErrorCode(int familyCode, StunErrorCode code, String reasonPhrase) implements StunAttribute {
    public AddressErrorCode {
        AttributeValues.requireRange("ADDRESS-ERROR-CODE family", familyCode, 0, 255);
        if (code == null) {
            throw new IllegalArgumentException("ADDRESS-ERROR-CODE needs a code");
        }
        AttributeValues.checkedUtf8("ADDRESS-ERROR-CODE reason", reasonPhrase, AttributeValues.MAX_TEXT_BYTES);
    }

    public static AddressErrorCode of(AddressFamily family, StunErrorCode code) {
        return new AddressErrorCode(family.code(), code, code.reasonPhrase());
    }

    static AddressErrorCode decode(ByteBuf buf, int index, int length) {
        if (length < 4) {
            throw AttributeValues.malformed("ADDRESS-ERROR-CODE", "length " + length);
        }
        StunErrorCode code = ErrorCode.readCode("ADDRESS-ERROR-CODE", buf, index + 2);
        String reason = AttributeValues.utf8("ADDRESS-ERROR-CODE", buf, index + 4, length - 4,
                AttributeValues.MAX_TEXT_BYTES);
        return new AddressErrorCode(buf.getUnsignedByte(index), code, reason);
    }

    public AddressFamily family() {
        return AddressFamily.ofCode(familyCode);
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ADDRESS_ERROR_CODE;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeByte(familyCode);
        out.writeByte(0);
        ErrorCode.writeCode(out, code);
        out.writeBytes(AttributeValues.checkedUtf8("ADDRESS-ERROR-CODE reason", reasonPhrase,
                AttributeValues.MAX_TEXT_BYTES));
    }
}
