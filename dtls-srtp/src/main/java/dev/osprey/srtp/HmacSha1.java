package dev.osprey.srtp;

import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) over {@link MessageDigest}, the SRTP message authentication of RFC 3711 §4.2.1. The JCE
 * {@code Mac} returns a fresh array from every {@code doFinal}; {@code MessageDigest.digest(byte[], int, int)} writes
 * into the caller's array, so this stays allocation-free. The padded key blocks are kept; each tag costs the same two
 * extra compression calls the JDK's own HMAC makes.
 */
final class HmacSha1 {

    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("SRTP authentication keys are 20 bytes");
        }
        try {
            inner = MessageDigest.getInstance("SHA-1");
            outer = MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JDK", e);
        }
        Arrays.fill(innerPad, (byte) 0x36);
        Arrays.fill(outerPad, (byte) 0x5c);
        for (int i = 0; i < key.length; i++) {
            innerPad[i] ^= key[i];
            outerPad[i] ^= key[i];
        }
        inner.update(innerPad);
    }

    /** Adds message bytes. */
    void update(byte[] data, int off, int len) {
        inner.update(data, off, len);
    }

    /** Adds a 32-bit big-endian value (the ROC, or nothing else: SRTCP's index is inside the packet). */
    void updateInt(int value) {
        inner.update((byte) (value >>> 24));
        inner.update((byte) (value >>> 16));
        inner.update((byte) (value >>> 8));
        inner.update((byte) value);
    }

    /** Writes the 20-byte tag to {@code out[off..]} and starts the next message. */
    void finish(byte[] out, int off) {
        try {
            inner.digest(innerHash, 0, LENGTH);
            inner.update(innerPad);
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a 20-byte buffer holds a SHA-1 digest", e);
        }
    }
}
