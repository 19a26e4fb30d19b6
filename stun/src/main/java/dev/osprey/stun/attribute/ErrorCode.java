package dev.osprey.stun.attribute;

import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;

/**
 * ERROR-CODE (RFC 8489 §14.8): 21 reserved bits, the class (hundreds digit, 3–6) in 3 bits, the number (0–99) in
 * 8 bits, then a UTF-8 reason phrase.
 */
public record ErrorCode(StunErrorCode code, String reasonPhrase) implements StunAttribute {
    public ErrorCode {
        if (code == null) {
            throw new IllegalArgumentException("ERROR-CODE needs a code");
        }
        AttributeValues.checkedUtf8("ERROR-CODE reason", reasonPhrase, AttributeValues.MAX_TEXT_BYTES);
    }

    /** The code with its registered reason phrase. */
    public static ErrorCode of(StunErrorCode code) {
        return new ErrorCode(code, code.reasonPhrase());
    }

    static ErrorCode decode(ByteBuf buf, int index, int length) {
        if (length < 4) {
            throw AttributeValues.malformed("ERROR-CODE", "length " + length);
        }
        StunErrorCode code = readCode("ERROR-CODE", buf, index + 2);
        String reason = AttributeValues.utf8("ERROR-CODE", buf, index + 4, length - 4, AttributeValues.MAX_TEXT_BYTES);
        return new ErrorCode(code, reason);
    }

    /** Reads the class (low 3 bits of the first byte) and number (second byte) at {@code index}. */
    static StunErrorCode readCode(String attribute, ByteBuf buf, int index) {
        int errorClass = buf.getUnsignedByte(index) & 0x07;
        int number = buf.getUnsignedByte(index + 1);
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw AttributeValues.malformed(attribute, "class " + errorClass + " number " + number);
        }
        return StunErrorCode.valueOf(errorClass * 100 + number);
    }

    static void writeCode(ByteBuf out, StunErrorCode code) {
        out.writeByte(code.errorClass());
        out.writeByte(code.number());
    }

    @Override
    public StunAttributeType type() {
        return StunAttributeType.ERROR_CODE;
    }

    @Override
    public void encodeValue(ByteBuf out, TransactionId transactionId) {
        out.writeShort(0);
        writeCode(out, code);
        out.writeBytes(AttributeValues.checkedUtf8("ERROR-CODE reason", reasonPhrase, AttributeValues.MAX_TEXT_BYTES));
    }
}
