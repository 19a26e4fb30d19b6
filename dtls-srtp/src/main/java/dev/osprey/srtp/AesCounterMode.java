package dev.osprey.srtp;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

/**
 * AES in counter mode built from the JDK's AES/ECB cipher, which is initialised once per key and so needs no
 * per-packet {@code init} (and no per-packet {@code IvParameterSpec}, key copy or engine object as AES/CTR and
 * AES/GCM would). Counter blocks are laid out in a reused array and encrypted in one ECB call, which the JDK runs on
 * its AES-NI intrinsics; the keystream is then XORed into the data.
 *
 * <p>Counter layout: a 12-byte prefix followed by a 32-bit big-endian counter incremented per block. This covers
 * SRTP's AES-CM (RFC 3711 §4.1.1: the IV's low 16 bits start at zero and no packet reaches 2^16 blocks, so the
 * increment never carries out of the last 32 bits) and GCM's {@code inc32} (NIST SP 800-38D §6.2).
 *
 * <p>Not thread-safe: one instance per SRTP session, used by the one event loop that owns it.
 */
final class AesCounterMode {

    static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher ecb;
    private byte[] counters = new byte[2048];
    private byte[] keystream = new byte[2048];

    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB is mandatory in every JDK", e);
        }
    }

    /** Encrypts one block; used for the GCM hash subkey H = E(K, 0^128). */
    void encryptBlock(byte[] in, byte[] out) {
        try {
            ecb.doFinal(in, 0, 16, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Produces {@code blocks} keystream blocks for counter values {@code counter, counter+1, ...} after the 12-byte
     * prefix taken from {@code iv[0..12)}; returns the array holding them (valid until the next call).
     */
    byte[] keystream(byte[] iv, int counter, int blocks) {
        int bytes = blocks << 4;
        ensure(bytes);
        byte[] c = counters;
        long prefixHigh = (long) LONG_BE.get(iv, 0);
        int prefixLow = (int) INT_BE.get(iv, 8);
        for (int i = 0, o = 0; i < blocks; i++, o += 16) {
            LONG_BE.set(c, o, prefixHigh);
            INT_BE.set(c, o + 8, prefixLow);
            INT_BE.set(c, o + 12, counter + i);
        }
        try {
            ecb.doFinal(c, 0, bytes, keystream, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB failed on whole blocks", e);
        }
        return keystream;
    }

    /**
     * XORs the keystream starting at block {@code counter} into {@code data[off, off+len)}.
     *
     * @param iv 16 bytes: the first 12 are the prefix; the counter starts at {@code counter}
     */
    void apply(byte[] iv, int counter, byte[] data, int off, int len) {
        if (len == 0) {
            return;
        }
        byte[] ks = keystream(iv, counter, (len + 15) >>> 4);
        xor(ks, 0, data, off, len);
    }

    static void xor(byte[] ks, int ksOff, byte[] data, int off, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long d = (long) LONG_BE.get(data, off + i);
            LONG_BE.set(data, off + i, d ^ (long) LONG_BE.get(ks, ksOff + i));
        }
        for (; i < len; i++) {
            data[off + i] ^= ks[ksOff + i];
        }
    }

    private void ensure(int bytes) {
        if (counters.length < bytes) {
            int size = Integer.highestOneBit(bytes - 1) << 1;
            counters = new byte[size];
            keystream = new byte[size];
        }
    }

    static SecretKeySpec aesKey(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }
}
