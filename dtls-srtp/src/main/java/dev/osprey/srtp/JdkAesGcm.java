package dev.osprey.srtp;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;

/**
 * AES-GCM through the JDK's {@code AES/GCM/NoPadding} cipher, which runs on the AES-NI/CLMUL (or VAES/VPCLMULQDQ)
 * intrinsics. The JCE API needs an {@code init} with a new {@link GCMParameterSpec} per packet, and the JDK builds
 * its GCM engine objects there: this is faster than {@link TableAesGcm} but allocates per packet (see
 * benchmarks/README.md).
 */
final class JdkAesGcm implements AeadCipher {

    private final Cipher cipher;
    private final SecretKey key;

    JdkAesGcm(byte[] key) {
        this.key = AesCounterMode.aesKey(key);
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is mandatory in every JDK", e);
        }
    }

    @Override
    public boolean seal(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] data, int off, int len) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv, 0, 12));
            cipher.updateAAD(aad, aadOff, aadLen);
            cipher.doFinal(data, off, len, data, off);
            return true;
        } catch (GeneralSecurityException e) {
            // The JDK refuses to encrypt twice with one key and IV: that is an SRTP index reuse, dropped.
            return false;
        }
    }

    @Override
    public boolean open(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] data, int off, int len) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv, 0, 12));
            cipher.updateAAD(aad, aadOff, aadLen);
            cipher.doFinal(data, off, len + TAG_LENGTH, data, off);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
