package dev.osprey.srtp;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The SRTP key derivation function: AES in counter mode as a PRF over the master key (RFC 3711 §4.3.1 and §4.3.3),
 * with a key derivation rate of zero, which is what DTLS-SRTP uses (RFC 5764 §4.1.2: no key derivation rate is
 * signalled, so r = 0 and keys are derived once per master key).
 *
 * <p>The AEAD profiles use the same PRF; their 96-bit master salt is padded with zero bytes to the 112-bit PRF input
 * (RFC 7714 §11). AES-192/256 master keys use the AES-192/256 PRF of RFC 6188 §3.
 */
public final class SrtpKeyDerivation {

    /** Label for the SRTP encryption key, RFC 3711 §4.3.1. */
    public static final int LABEL_RTP_ENCRYPTION = 0x00;
    /** Label for the SRTP authentication key. */
    public static final int LABEL_RTP_AUTH = 0x01;
    /** Label for the SRTP salt. */
    public static final int LABEL_RTP_SALT = 0x02;
    /** Label for the SRTCP encryption key, RFC 3711 §4.3.2. */
    public static final int LABEL_RTCP_ENCRYPTION = 0x03;
    /** Label for the SRTCP authentication key. */
    public static final int LABEL_RTCP_AUTH = 0x04;
    /** Label for the SRTCP salt. */
    public static final int LABEL_RTCP_SALT = 0x05;

    private static final int PRF_INPUT_LENGTH = 14;

    private SrtpKeyDerivation() {
    }

    /**
     * Derives one session key.
     *
     * @param masterKey  16, 24 or 32 bytes
     * @param masterSalt 12 or 14 bytes (12-byte GCM salts are zero-padded on the right)
     * @param label      one of the {@code LABEL_*} constants
     * @param length     bytes of output wanted
     * @return a fresh array of {@code length} bytes
     * @throws IllegalArgumentException for key or salt lengths no profile uses
     */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterKey.length != 16 && masterKey.length != 24 && masterKey.length != 32) {
            throw new IllegalArgumentException("master key must be 16, 24 or 32 bytes, not " + masterKey.length);
        }
        if (masterSalt.length > PRF_INPUT_LENGTH || masterSalt.length < 12) {
            throw new IllegalArgumentException("master salt must be 12 or 14 bytes, not " + masterSalt.length);
        }
        // x = key_id XOR master_salt, key_id = label || r with r = 0: the label lands on byte 7 of 14 (§4.3.1).
        byte[] counter = new byte[16];
        System.arraycopy(masterSalt, 0, counter, 0, masterSalt.length);
        counter[7] ^= (byte) label;
        byte[] out = new byte[length];
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] block = new byte[16];
            for (int offset = 0, i = 0; offset < length; offset += 16, i++) {
                // IV = x * 2^16; the low 16 bits count the PRF output blocks.
                counter[14] = (byte) (i >>> 8);
                counter[15] = (byte) i;
                aes.doFinal(counter, 0, 16, block, 0);
                System.arraycopy(block, 0, out, offset, Math.min(16, length - offset));
            }
            Arrays.fill(block, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is mandatory in every JDK", e);
        }
        return out;
    }
}
