package dev.osprey.stun;

import dev.osprey.stun.StunParseException.Reason;
import dev.osprey.stun.attribute.AttributeDecoder;
import dev.osprey.stun.attribute.StunAttribute;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one STUN message (RFC 8489 §5, §14) from exactly the readable bytes of a buffer, which it neither moves
 * nor releases. Every structural rule is checked: header bits, magic cookie, a length that is a multiple of 4 and
 * matches the bytes, attribute bounds, FINGERPRINT last and correct. Integrity is a separate, key-dependent check
 * ({@link StunIntegrity#verify}). Anything wrong is a {@link StunParseException}, never another exception.
 */
public final class StunDecoder {
    private static final int FINGERPRINT = 0x8028;

    private StunDecoder() {
    }

    public static StunMessage decode(ByteBuf buf) {
        int start = buf.readerIndex();
        int end = checkHeader(buf);
        int type = StunHeader.messageType(buf);
        TransactionId tid = StunHeader.transactionId(buf);
        List<StunAttribute> attributes = new ArrayList<>();
        int stage = 0;
        for (int pos = start + StunHeader.LENGTH; pos < end; ) {
            if (end - pos < 4) {
                throw new StunParseException(Reason.ATTRIBUTE_OVERFLOW, "attribute header past the end at " + pos);
            }
            int code = buf.getUnsignedShort(pos);
            int length = buf.getUnsignedShort(pos + 2);
            int next = pos + 4 + ((length + 3) & ~3);
            if (pos + 4 + length > end) {
                throw new StunParseException(Reason.ATTRIBUTE_OVERFLOW,
                        String.format("attribute 0x%04X of length %d runs past the end", code, length));
            }
            if (AttributeScanner.counts(stage, code)) {
                attributes.add(AttributeDecoder.decode(code, buf, pos + 4, length, tid));
            }
            if (code == FINGERPRINT) {
                checkFingerprint(buf, start, pos, next, end);
            }
            stage = AttributeScanner.nextStage(stage, code);
            pos = next;
        }
        return new StunMessage(StunClass.ofMessageType(type), StunMethod.valueOf(StunMethod.codeOfMessageType(type)),
                tid, attributes);
    }

    /** FINGERPRINT must be last (§14.7) and match; its length was checked when it was decoded. */
    private static void checkFingerprint(ByteBuf buf, int start, int pos, int next, int end) {
        if (next != end) {
            throw new StunParseException(Reason.MISPLACED_FINGERPRINT, "attribute after FINGERPRINT");
        }
        if (!StunIntegrity.fingerprintMatches(buf, start, pos)) {
            throw new StunParseException(Reason.FINGERPRINT_MISMATCH, "FINGERPRINT does not match");
        }
    }

    /** Checks the header and returns the message's end index. */
    private static int checkHeader(ByteBuf buf) {
        int readable = buf.readableBytes();
        if (readable < StunHeader.LENGTH) {
            throw new StunParseException(Reason.TRUNCATED, readable + " bytes is shorter than a STUN header");
        }
        int first = buf.getUnsignedByte(buf.readerIndex());
        if ((first & 0xC0) != 0 || buf.getInt(buf.readerIndex() + 4) != StunHeader.MAGIC_COOKIE) {
            throw new StunParseException(Reason.NOT_STUN, "leading bits or magic cookie wrong");
        }
        int length = StunHeader.messageLength(buf);
        if ((length & 3) != 0) {
            throw new StunParseException(Reason.BAD_LENGTH, "length " + length + " is not a multiple of 4");
        }
        if (readable < StunHeader.LENGTH + length) {
            throw new StunParseException(Reason.TRUNCATED, "length " + length + " but " + readable + " bytes");
        }
        if (readable > StunHeader.LENGTH + length) {
            throw new StunParseException(Reason.BAD_LENGTH, "length " + length + " but " + readable + " bytes");
        }
        return buf.readerIndex() + StunHeader.LENGTH + length;
    }
}
