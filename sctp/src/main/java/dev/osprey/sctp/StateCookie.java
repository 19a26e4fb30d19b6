package dev.osprey.sctp;

import dev.osprey.sctp.chunk.OpaqueValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The State Cookie of our INIT ACK (RFC 9260 §5.1.3): everything needed to build the association when the COOKIE
 * ECHO comes back, so nothing is kept for a peer that only sent an INIT. Signed with HMAC-SHA256 under the endpoint
 * secret; the creation time bounds its life (§5.1.5).
 *
 * @param tieLocalTag our tag of an existing association when the INIT arrived after it was set up (§5.2.2), else 0
 * @param tiePeerTag  the peer's tag of that association, else 0
 */
record StateCookie(long localTag, long peerTag, long localInitialTsn, long peerInitialTsn, long peerWindow,
                   int outboundStreams, int inboundStreams, boolean peerForwardTsn, boolean peerReconfig,
                   boolean interleaving, long tieLocalTag, long tiePeerTag, long createdNanos) {
    private static final byte VERSION = 1;
    private static final int BODY_LENGTH = 42;
    private static final int MAC_LENGTH = 32;
    static final int LENGTH = BODY_LENGTH + MAC_LENGTH;

    enum Verdict { VALID, INVALID, EXPIRED }

    /** The result of {@link #open}: a verdict, and the cookie when it is valid. */
    record Opened(Verdict verdict, StateCookie cookie, long ageNanos) {
    }

    OpaqueValue seal(byte[] secret) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(VERSION).put((byte) ((peerForwardTsn ? 1 : 0) | (peerReconfig ? 2 : 0) | (interleaving ? 4 : 0)));
        b.putShort((short) outboundStreams).putShort((short) inboundStreams);
        b.putInt((int) localTag).putInt((int) peerTag).putInt((int) localInitialTsn).putInt((int) peerInitialTsn);
        b.putInt((int) peerWindow).putInt((int) tieLocalTag).putInt((int) tiePeerTag).putLong(createdNanos);
        b.put(mac(secret, b.array(), BODY_LENGTH));
        return OpaqueValue.of(b.array());
    }

    /** Verifies the MAC first, then the age: a tampered cookie is never interpreted. */
    static Opened open(OpaqueValue sealed, byte[] secret, long nowNanos, long lifetimeNanos) {
        byte[] bytes = sealed.toByteArray();
        if (bytes.length != LENGTH || bytes[0] != VERSION) {
            return new Opened(Verdict.INVALID, null, 0);
        }
        byte[] expected = mac(secret, bytes, BODY_LENGTH);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, BODY_LENGTH, LENGTH))) {
            return new Opened(Verdict.INVALID, null, 0);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, BODY_LENGTH - 1);
        int flags = b.get();
        StateCookie cookie = read(b, flags);
        long age = nowNanos - cookie.createdNanos;
        return new Opened(age > lifetimeNanos || age < 0 ? Verdict.EXPIRED : Verdict.VALID, cookie, age);
    }

    private static StateCookie read(ByteBuffer b, int flags) {
        int os = b.getShort() & 0xFFFF;
        int mis = b.getShort() & 0xFFFF;
        long lt = b.getInt() & 0xFFFFFFFFL;
        long pt = b.getInt() & 0xFFFFFFFFL;
        long lTsn = b.getInt() & 0xFFFFFFFFL;
        long pTsn = b.getInt() & 0xFFFFFFFFL;
        long window = b.getInt() & 0xFFFFFFFFL;
        long tieL = b.getInt() & 0xFFFFFFFFL;
        long tieP = b.getInt() & 0xFFFFFFFFL;
        return new StateCookie(lt, pt, lTsn, pTsn, window, os, mis, (flags & 1) != 0, (flags & 2) != 0,
                (flags & 4) != 0, tieL, tieP, b.getLong());
    }

    private static byte[] mac(byte[] secret, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
