package dev.osprey.stun;

import dev.osprey.stun.attribute.StunAttribute;
import io.netty.buffer.ByteBuf;

/**
 * Encodes a {@link StunMessage} (RFC 8489 §5, §14) at a buffer's writer index: header, attributes in order with
 * zero padding to 4 bytes, then what the {@link MessageProtection} asks for. A message that would not fit the
 * 16-bit length fields is refused with {@link IllegalArgumentException}; nothing is left written in that case.
 */
public final class StunEncoder {
    private StunEncoder() {
    }

    /** Encodes the attributes exactly as they are (a decoded message re-encodes to the same bytes). */
    public static int encode(StunMessage message, ByteBuf out) {
        return encode(message, out, MessageProtection.NONE);
    }

    /** Encodes and appends the integrity and fingerprint attributes {@code protection} asks for. */
    public static int encode(StunMessage message, ByteBuf out, MessageProtection protection) {
        int start = out.writerIndex();
        try {
            out.writeShort(message.method().messageType(message.messageClass()));
            out.writeShort(0);
            out.writeInt(StunHeader.MAGIC_COOKIE);
            message.transactionId().write(out);
            for (StunAttribute attribute : message.attributes()) {
                writeAttribute(out, attribute, message.transactionId());
            }
            int trailer = (protection.sha1() ? 24 : 0) + (protection.sha256() ? 36 : 0)
                    + (protection.fingerprint() ? 8 : 0);
            checkBodyLength(out.writerIndex() - start - StunHeader.LENGTH + trailer);
            out.setShort(start + 2, out.writerIndex() - start - StunHeader.LENGTH);
            appendProtection(out, start, protection);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        return out.writerIndex() - start;
    }

    private static void appendProtection(ByteBuf out, int start, MessageProtection protection) {
        if (protection.sha1()) {
            StunIntegrity.appendIntegrity(out, start, protection.key(), IntegrityAlgorithm.HMAC_SHA1);
        }
        if (protection.sha256()) {
            StunIntegrity.appendIntegrity(out, start, protection.key(), IntegrityAlgorithm.HMAC_SHA256);
        }
        if (protection.fingerprint()) {
            StunIntegrity.appendFingerprint(out, start);
        }
    }

    private static void writeAttribute(ByteBuf out, StunAttribute attribute, TransactionId tid) {
        int header = out.writerIndex();
        out.writeShort(attribute.type().code());
        out.writeShort(0);
        attribute.encodeValue(out, tid);
        int length = out.writerIndex() - header - 4;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException(attribute.type() + " value of " + length + " bytes is too long");
        }
        out.setShort(header + 2, length);
        out.writeZero((4 - (length & 3)) & 3);
    }

    private static void checkBodyLength(int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("STUN message body of " + length + " bytes exceeds 65535");
        }
    }
}
