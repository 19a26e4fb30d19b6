package dev.osprey.stun.attribute;

import dev.osprey.stun.StunParseException;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks and conversions shared by the attribute classes: lengths, strict UTF-8, byte copies. */
final class AttributeValues {
    /** RFC 8489 limits REALM, NONCE, SOFTWARE and reason phrases to 763 bytes as received (§14.9, 14.10, 14.14). */
    static final int MAX_TEXT_BYTES = 763;

    private AttributeValues() {
    }

    static StunParseException malformed(String attribute, String detail) {
        return new StunParseException(StunParseException.Reason.MALFORMED_ATTRIBUTE, attribute + ": " + detail);
    }

    static void requireLength(String attribute, int length, int expected) {
        if (length != expected) {
            throw malformed(attribute, "length " + length + ", expected " + expected);
        }
    }

    /** Decodes strictly: malformed UTF-8 is a malformed attribute, not replacement characters. */
    static String utf8(String attribute, ByteBuf buf, int index, int length, int maxBytes) {
        if (length > maxBytes) {
            throw malformed(attribute, length + " bytes exceeds " + maxBytes);
        }
        byte[] bytes = bytes(buf, index, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(attribute, "not UTF-8");
        }
    }

    /** The UTF-8 bytes of {@code value}, refusing values longer than {@code maxBytes} as the RFC does. */
    static byte[] checkedUtf8(String attribute, String value, int maxBytes) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(attribute + " longer than " + maxBytes + " bytes");
        }
        if (!new String(bytes, StandardCharsets.UTF_8).equals(value)) {
            throw new IllegalArgumentException(attribute + " is not valid Unicode");
        }
        return bytes;
    }

    static byte[] bytes(ByteBuf buf, int index, int length) {
        byte[] out = new byte[length];
        buf.getBytes(index, out);
        return out;
    }

    static long requireUnsigned32(String what, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " out of 32-bit unsigned range: " + value);
        }
        return value;
    }

    static int requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " out of range " + min + "-" + max + ": " + value);
        }
        return value;
    }
}
