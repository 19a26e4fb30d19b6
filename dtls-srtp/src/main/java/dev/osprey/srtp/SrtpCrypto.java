package dev.osprey.srtp;

/**
 * The cryptographic transform of one direction of an SRTP session, working on a packet copied into a heap array:
 * the AES-CM/HMAC-SHA1 transform of RFC 3711 or the AEAD-GCM transform of RFC 7714. Session keys are derived once
 * per master key (key derivation rate 0), so one instance serves every SSRC of the session.
 */
abstract class SrtpCrypto {

    /** Builds the transform of {@code key}'s profile, deriving the RTP and RTCP session keys. */
    static SrtpCrypto create(SrtpMasterKey key, SrtpPolicy policy) {
        return key.profile().aead() ? new GcmCrypto(key, policy.aeadEngine()) : new CmHmacCrypto(key);
    }

    /** Bytes this transform appends to RTP. */
    abstract int rtpTagLength();

    /** Bytes this transform appends to RTCP (E/index word and tag). */
    abstract int rtcpOverhead();

    /**
     * Encrypts the payload {@code pkt[headerLength, length)} in place and writes the tag after it.
     *
     * @return false when the cipher refused (IV reuse)
     */
    abstract boolean sealRtp(byte[] pkt, int headerLength, int length, int ssrc, long index);

    /**
     * Verifies the tag after {@code pkt[0, length)} and decrypts the payload in place.
     *
     * @param length the packet length without the tag
     */
    abstract boolean openRtp(byte[] pkt, int headerLength, int length, int ssrc, long index);

    /**
     * Encrypts {@code pkt[8, length)}, appends the E/index word and the tag; returns the new length or -1.
     */
    abstract int sealRtcp(byte[] pkt, int length, int ssrc, int index);

    /** Offset of the E/index word in a protected SRTCP packet of {@code length} bytes. */
    abstract int rtcpIndexOffset(int length);

    /**
     * Verifies and (when the E flag is set) decrypts a protected SRTCP packet; returns the plain length or -1.
     */
    abstract int openRtcp(byte[] pkt, int length, int ssrc, int eAndIndex);
}
