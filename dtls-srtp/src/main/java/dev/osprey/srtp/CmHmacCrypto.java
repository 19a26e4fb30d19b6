package dev.osprey.srtp;

/**
 * AES-128 counter mode with HMAC-SHA1 authentication, RFC 3711 §4.1.1 and §4.2.1 (profiles
 * {@code SRTP_AES128_CM_HMAC_SHA1_80} and {@code _32}).
 */
final class CmHmacCrypto extends SrtpCrypto {

    private final AesCounterMode rtpCipher;
    private final AesCounterMode rtcpCipher;
    private final HmacSha1 rtpAuth;
    private final HmacSha1 rtcpAuth;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final int rtpTag;
    private final int rtcpTag;
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[HmacSha1.LENGTH];

    CmHmacCrypto(SrtpMasterKey master) {
        SrtpProfile p = master.profile();
        byte[] k = master.key();
        byte[] s = master.salt();
        rtpCipher = new AesCounterMode(SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTP_ENCRYPTION,
                p.masterKeyLength()));
        rtpAuth = new HmacSha1(SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTP_AUTH, p.authKeyLength()));
        rtpSalt = SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTP_SALT, p.masterSaltLength());
        rtcpCipher = new AesCounterMode(SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION,
                p.masterKeyLength()));
        rtcpAuth = new HmacSha1(SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTCP_AUTH,
                p.authKeyLength()));
        rtcpSalt = SrtpKeyDerivation.derive(k, s, SrtpKeyDerivation.LABEL_RTCP_SALT, p.masterSaltLength());
        rtpTag = p.rtpTagLength();
        rtcpTag = p.rtcpTagLength();
    }

    /** Builds a CM transform straight from session keys (RFC 3711 B.2 gives session keys, not a master key). */
    CmHmacCrypto(byte[] sessionKey, byte[] sessionSalt, byte[] authKey, int tagLength) {
        rtpCipher = new AesCounterMode(sessionKey);
        rtcpCipher = new AesCounterMode(sessionKey);
        rtpAuth = new HmacSha1(authKey);
        rtcpAuth = new HmacSha1(authKey);
        rtpSalt = sessionSalt.clone();
        rtcpSalt = sessionSalt.clone();
        rtpTag = tagLength;
        rtcpTag = 10;
    }

    @Override
    int rtpTagLength() {
        return rtpTag;
    }

    @Override
    int rtcpOverhead() {
        return 4 + rtcpTag;
    }

    @Override
    boolean sealRtp(byte[] pkt, int headerLength, int length, int ssrc, long index) {
        rtpCipher.apply(iv(rtpSalt, ssrc, index), counter(), pkt, headerLength, length - headerLength);
        rtpAuth.update(pkt, 0, length);
        rtpAuth.updateInt((int) (index >>> 16)); // the ROC is authenticated, not sent (§4.2)
        rtpAuth.finish(mac, 0);
        System.arraycopy(mac, 0, pkt, length, rtpTag);
        return true;
    }

    @Override
    boolean openRtp(byte[] pkt, int headerLength, int length, int ssrc, long index) {
        rtpAuth.update(pkt, 0, length);
        rtpAuth.updateInt((int) (index >>> 16));
        rtpAuth.finish(mac, 0);
        if (!SrtpSession.constantTimeEquals(mac, 0, pkt, length, rtpTag)) {
            return false;
        }
        rtpCipher.apply(iv(rtpSalt, ssrc, index), counter(), pkt, headerLength, length - headerLength);
        return true;
    }

    @Override
    int sealRtcp(byte[] pkt, int length, int ssrc, int index) {
        rtcpCipher.apply(iv(rtcpSalt, ssrc, index), counter(), pkt, 8, length - 8);
        AesCounterMode.INT_BE.set(pkt, length, 0x80000000 | index); // E = 1: encrypted (§3.4)
        rtcpAuth.update(pkt, 0, length + 4);
        rtcpAuth.finish(mac, 0);
        System.arraycopy(mac, 0, pkt, length + 4, rtcpTag);
        return length + 4 + rtcpTag;
    }

    @Override
    int rtcpIndexOffset(int length) {
        return length - rtcpTag - 4;
    }

    @Override
    int openRtcp(byte[] pkt, int length, int ssrc, int eAndIndex) {
        int authenticated = length - rtcpTag; // header, (encrypted) body and the E/index word
        rtcpAuth.update(pkt, 0, authenticated);
        rtcpAuth.finish(mac, 0);
        if (!SrtpSession.constantTimeEquals(mac, 0, pkt, authenticated, rtcpTag)) {
            return -1;
        }
        int plain = authenticated - 4;
        if (eAndIndex < 0) {
            rtcpCipher.apply(iv(rtcpSalt, ssrc, eAndIndex & 0x7FFFFFFF), counter(), pkt, 8, plain - 8);
        }
        return plain;
    }

    /** IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), RFC 3711 §4.1.1. */
    private byte[] iv(byte[] salt, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        AesCounterMode.INT_BE.set(iv, 4, (int) AesCounterMode.INT_BE.get(iv, 4) ^ ssrc);
        AesCounterMode.INT_BE.set(iv, 8, (int) AesCounterMode.INT_BE.get(iv, 8) ^ (int) (index >>> 16));
        iv[12] ^= (byte) (index >>> 8);
        iv[13] ^= (byte) index;
        return iv;
    }

    /** The 32-bit counter start: the IV's last four bytes, whose low 16 bits are zero. */
    private int counter() {
        return (int) AesCounterMode.INT_BE.get(iv, 12);
    }
}
