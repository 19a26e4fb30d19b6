package dev.osprey.srtp;

/**
 * The AEAD AES-GCM transform of RFC 7714 (profiles {@code SRTP_AEAD_AES_128_GCM} and {@code _256_GCM}): the RTP
 * header is the associated data (§5.1), SRTCP authenticates its first eight bytes and the E/index word (§9.1), and the
 * tag is 16 bytes.
 */
final class GcmCrypto extends SrtpCrypto {

    private final AeadCipher rtpCipher;
    private final AeadCipher rtcpCipher;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[12];
    private final byte[] rtcpAad = new byte[12];
    private final byte[] savedTag = new byte[AeadCipher.TAG_LENGTH];

    GcmCrypto(SrtpMasterKey master, SrtpPolicy.AeadEngine engine) {
        SrtpProfile p = master.profile();
        byte[] k = master.key();
        byte[] s = master.salt();
        rtpCipher = cipher(engine, SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTP_ENCRYPTION,
                p.masterKeyLength()));
        rtpSalt = SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTP_SALT, p.masterSaltLength());
        rtcpCipher = cipher(engine, SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION,
                p.masterKeyLength()));
        rtcpSalt = SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTCP_SALT, p.masterSaltLength());
    }

    /** Builds a GCM transform straight from session keys (the RFC 7714 vectors give session keys). */
    GcmCrypto(byte[] sessionKey, byte[] sessionSalt, SrtpPolicy.AeadEngine engine) {
        rtpCipher = cipher(engine, sessionKey);
        rtcpCipher = cipher(engine, sessionKey);
        rtpSalt = sessionSalt.clone();
        rtcpSalt = sessionSalt.clone();
    }

    private static AeadCipher cipher(SrtpPolicy.AeadEngine engine, byte[] key) {
        return engine == SrtpPolicy.AeadEngine.JDK ? new JdkAesGcm(key) : new TableAesGcm(key);
    }

    @Override
    int rtpTagLength() {
        return AeadCipher.TAG_LENGTH;
    }

    @Override
    int rtcpOverhead() {
        return 4 + AeadCipher.TAG_LENGTH;
    }

    @Override
    boolean sealRtp(byte[] pkt, int headerLength, int length, int ssrc, long index) {
        return rtpCipher.seal(rtpIv(ssrc, index), pkt, 0, headerLength, pkt, headerLength, length - headerLength);
    }

    @Override
    boolean openRtp(byte[] pkt, int headerLength, int length, int ssrc, long index) {
        return rtpCipher.open(rtpIv(ssrc, index), pkt, 0, headerLength, pkt, headerLength, length - headerLength);
    }

    @Override
    int sealRtcp(byte[] pkt, int length, int ssrc, int index) {
        int eAndIndex = 0x80000000 | index;
        System.arraycopy(pkt, 0, rtcpAad, 0, 8);
        AesCounterMode.INT_BE.set(rtcpAad, 8, eAndIndex);
        if (!rtcpCipher.seal(rtcpIv(ssrc, index), rtcpAad, 0, 12, pkt, 8, length - 8)) {
            return -1;
        }
        int end = length + AeadCipher.TAG_LENGTH;
        AesCounterMode.INT_BE.set(pkt, end, eAndIndex); // after the tag, RFC 7714 §9 Figure 3
        return end + 4;
    }

    @Override
    int rtcpIndexOffset(int length) {
        return length - 4;
    }

    @Override
    int openRtcp(byte[] pkt, int length, int ssrc, int eAndIndex) {
        int tagEnd = length - 4;
        int cipherEnd = tagEnd - AeadCipher.TAG_LENGTH;
        byte[] ivBytes = rtcpIv(ssrc, eAndIndex & 0x7FFFFFFF);
        if (eAndIndex < 0) {
            System.arraycopy(pkt, 0, rtcpAad, 0, 8);
            AesCounterMode.INT_BE.set(rtcpAad, 8, eAndIndex);
            return rtcpCipher.open(ivBytes, rtcpAad, 0, 12, pkt, 8, cipherEnd - 8) ? cipherEnd : -1;
        }
        // E = 0: the whole packet is associated data and nothing is encrypted (RFC 7714 §9.2). The E/index word
        // must follow the packet in the AAD, so it is moved in front of the tag for the check.
        System.arraycopy(pkt, cipherEnd, savedTag, 0, AeadCipher.TAG_LENGTH);
        AesCounterMode.INT_BE.set(pkt, cipherEnd, eAndIndex);
        System.arraycopy(savedTag, 0, pkt, cipherEnd + 4, AeadCipher.TAG_LENGTH);
        return rtcpCipher.open(ivBytes, pkt, 0, cipherEnd + 4, pkt, cipherEnd + 4, 0) ? cipherEnd : -1;
    }

    /** IV = (0x0000 || SSRC || ROC || SEQ) XOR salt, RFC 7714 §8.1. */
    private byte[] rtpIv(int ssrc, long index) {
        System.arraycopy(rtpSalt, 0, iv, 0, 12);
        AesCounterMode.INT_BE.set(iv, 2, (int) AesCounterMode.INT_BE.get(iv, 2) ^ ssrc);
        AesCounterMode.INT_BE.set(iv, 6, (int) AesCounterMode.INT_BE.get(iv, 6) ^ (int) (index >>> 16));
        iv[10] ^= (byte) (index >>> 8);
        iv[11] ^= (byte) index;
        return iv;
    }

    /** IV = (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) XOR salt, RFC 7714 §9.1. */
    private byte[] rtcpIv(int ssrc, int index) {
        System.arraycopy(rtcpSalt, 0, iv, 0, 12);
        AesCounterMode.INT_BE.set(iv, 2, (int) AesCounterMode.INT_BE.get(iv, 2) ^ ssrc);
        AesCounterMode.INT_BE.set(iv, 8, (int) AesCounterMode.INT_BE.get(iv, 8) ^ index);
        return iv;
    }
}
