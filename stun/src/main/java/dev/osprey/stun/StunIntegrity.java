package dev.osprey.stun;

import io.netty.buffer.ByteBuf;

/**
 * Checks MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.5, §14.6, §9.1.3) and FINGERPRINT (§14.7) on an
 * encoded message in place, without decoding it and without allocating, so that a receive path can drop forged
 * packets before it builds any object. Also computes them for {@link StunEncoder}.
 */
public final class StunIntegrity {
    private static final int MI = 0x0008;
    private static final int MI_SHA256 = 0x001C;
    private static final int FINGERPRINT = 0x8028;

    /** Outcome of a check. */
    public enum Result {
        /** The attribute is present and matches. */
        VALID,
        /** The attribute is present and does not match, has a bad length, or the message is malformed. */
        INVALID,
        /** The message carries no such attribute. */
        ABSENT
    }

    private StunIntegrity() {
    }

    /**
     * Verifies the message at the reader index with {@code key}: MESSAGE-INTEGRITY-SHA256 when present (the
     * stronger one wins, §9.1.3), else MESSAGE-INTEGRITY. The comparison takes constant time.
     */
    public static Result verify(ByteBuf msg, IntegrityKey key) {
        int start = msg.readerIndex();
        int end = messageEnd(msg);
        if (end < 0) {
            return Result.INVALID;
        }
        int mi = -1;
        int mi256 = -1;
        int stage = 0;
        for (int pos = start + StunHeader.LENGTH; pos < end; ) {
            int next = nextAttribute(msg, pos, end);
            if (next < 0) {
                return Result.INVALID;
            }
            int type = msg.getUnsignedShort(pos);
            if (AttributeScanner.counts(stage, type)) {
                if (type == MI && stage == 0) {
                    mi = pos;
                } else if (type == MI_SHA256) {
                    mi256 = pos;
                }
            }
            stage = AttributeScanner.nextStage(stage, type);
            pos = next;
        }
        if (mi256 >= 0) {
            return check(msg, start, mi256, key, IntegrityAlgorithm.HMAC_SHA256);
        }
        return mi >= 0 ? check(msg, start, mi, key, IntegrityAlgorithm.HMAC_SHA1) : Result.ABSENT;
    }

    /** Verifies FINGERPRINT, which must be the last attribute, of the message at the reader index. */
    public static Result verifyFingerprint(ByteBuf msg) {
        int start = msg.readerIndex();
        int end = messageEnd(msg);
        if (end < 0) {
            return Result.INVALID;
        }
        for (int pos = start + StunHeader.LENGTH; pos < end; ) {
            int next = nextAttribute(msg, pos, end);
            if (next < 0) {
                return Result.INVALID;
            }
            if (msg.getUnsignedShort(pos) == FINGERPRINT) {
                return next == end && fingerprintMatches(msg, start, pos) ? Result.VALID : Result.INVALID;
            }
            pos = next;
        }
        return Result.ABSENT;
    }

    /** Whether the FINGERPRINT attribute at {@code pos} matches the bytes before it. */
    static boolean fingerprintMatches(ByteBuf msg, int start, int pos) {
        if (msg.getUnsignedShort(pos + 2) != 4) {
            return false;
        }
        int prefix = pos - start;
        StunCrypto crypto = StunCrypto.get();
        crypto.load(msg, start, prefix, msg.getUnsignedShort(start + 2));
        return crypto.fingerprint(prefix) == msg.getInt(pos + 4);
    }

    /**
     * Appends the integrity attribute of {@code alg} to the message being written from {@code start}, first
     * setting the header length to count it (§14.5).
     */
    static void appendIntegrity(ByteBuf out, int start, IntegrityKey key, IntegrityAlgorithm alg) {
        int prefix = out.writerIndex() - start;
        int size = alg.macLength();
        int lengthField = prefix - StunHeader.LENGTH + 4 + size;
        out.setShort(start + 2, lengthField);
        StunCrypto crypto = StunCrypto.get();
        crypto.load(out, start, prefix, lengthField);
        byte[] mac = crypto.hmac(key, alg, prefix);
        out.writeShort(alg.attributeType());
        out.writeShort(size);
        out.writeBytes(mac, 0, size);
    }

    /** Appends FINGERPRINT, first setting the header length to count it (§14.7). */
    static void appendFingerprint(ByteBuf out, int start) {
        int prefix = out.writerIndex() - start;
        int lengthField = prefix - StunHeader.LENGTH + 8;
        out.setShort(start + 2, lengthField);
        StunCrypto crypto = StunCrypto.get();
        crypto.load(out, start, prefix, lengthField);
        int crc = crypto.fingerprint(prefix);
        out.writeShort(FINGERPRINT);
        out.writeShort(4);
        out.writeInt(crc);
    }

    private static Result check(ByteBuf msg, int start, int pos, IntegrityKey key, IntegrityAlgorithm alg) {
        int length = msg.getUnsignedShort(pos + 2);
        if (!alg.acceptsLength(length)) {
            return Result.INVALID;
        }
        int prefix = pos - start;
        StunCrypto crypto = StunCrypto.get();
        crypto.load(msg, start, prefix, prefix - StunHeader.LENGTH + 4 + length);
        byte[] mac = crypto.hmac(key, alg, prefix);
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= mac[i] ^ msg.getByte(pos + 4 + i);
        }
        return diff == 0 ? Result.VALID : Result.INVALID;
    }

    /** The end index of the message at the reader index, or -1 if its header is invalid or it is truncated. */
    private static int messageEnd(ByteBuf msg) {
        if (!StunHeader.hasValidHeader(msg)) {
            return -1;
        }
        int end = msg.readerIndex() + StunHeader.LENGTH + StunHeader.messageLength(msg);
        return end <= msg.writerIndex() ? end : -1;
    }

    /** The index after the attribute at {@code pos} including padding, or -1 if it crosses {@code end}. */
    private static int nextAttribute(ByteBuf msg, int pos, int end) {
        if (end - pos < 4) {
            return -1;
        }
        int next = pos + 4 + ((msg.getUnsignedShort(pos + 2) + 3) & ~3);
        return next <= end ? next : -1;
    }
}
