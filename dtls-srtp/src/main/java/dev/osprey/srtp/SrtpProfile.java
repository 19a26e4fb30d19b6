package dev.osprey.srtp;

/**
 * The SRTP protection profiles Osprey negotiates in the DTLS {@code use_srtp} extension (RFC 5764 §4.1.2) and the
 * transform parameters each one fixes.
 *
 * <p>Parameters: RFC 5764 §4.1.2 for the AES-CM/HMAC-SHA1 profiles, RFC 7714 §14.2 for the AEAD-GCM profiles. The
 * master salt of the GCM profiles is 96 bits (RFC 7714 §8.1), their tag 128 bits and they carry no separate
 * authentication key.
 */
public enum SrtpProfile {
    /** {@code SRTP_AES128_CM_HMAC_SHA1_80} = {0x00, 0x01}. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10, 10, false),
    /** {@code SRTP_AES128_CM_HMAC_SHA1_32} = {0x00, 0x02}; SRTCP keeps the 80-bit tag (RFC 5764 §4.1.2). */
    AES128_CM_HMAC_SHA1_32(0x0002, 16, 14, 20, 4, 10, false),
    /** {@code SRTP_AEAD_AES_128_GCM} = {0x00, 0x07} (RFC 7714 §14.2). */
    AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16, 16, true),
    /** {@code SRTP_AEAD_AES_256_GCM} = {0x00, 0x08} (RFC 7714 §14.2). */
    AEAD_AES_256_GCM(0x0008, 32, 12, 0, 16, 16, true);

    private final int id;
    private final int masterKeyLength;
    private final int masterSaltLength;
    private final int authKeyLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final boolean aead;

    SrtpProfile(int id, int masterKeyLength, int masterSaltLength, int authKeyLength, int rtpTagLength,
                int rtcpTagLength, boolean aead) {
        this.id = id;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
        this.authKeyLength = authKeyLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
        this.aead = aead;
    }

    /** The two-byte identifier of the {@code use_srtp} extension (IANA "DTLS-SRTP Protection Profiles"). */
    public int id() {
        return id;
    }

    /** Master (and session) encryption key length in bytes. */
    public int masterKeyLength() {
        return masterKeyLength;
    }

    /** Master (and session) salt length in bytes: 14 for AES-CM, 12 for AES-GCM. */
    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** Session authentication key length in bytes (0 for AEAD profiles). */
    public int authKeyLength() {
        return authKeyLength;
    }

    /** Bytes appended to an SRTP packet: the authentication tag. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** Bytes of SRTCP authentication tag (the 4-byte E/index word comes on top). */
    public int rtcpTagLength() {
        return rtcpTagLength;
    }

    /** Whether this is an AEAD (GCM) transform, RFC 7714. */
    public boolean aead() {
        return aead;
    }

    /** Length of the keying material to export from DTLS: two keys and two salts (RFC 5764 §4.2). */
    public int keyingMaterialLength() {
        return 2 * (masterKeyLength + masterSaltLength);
    }

    /** Tail room an SRTCP packet needs on protect: E/index word plus tag. */
    public int rtcpOverhead() {
        return 4 + rtcpTagLength;
    }

    /**
     * The profile with this {@code use_srtp} identifier, or {@code null} when Osprey does not implement it.
     *
     * @param id the two-byte profile identifier
     */
    public static SrtpProfile fromId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }
}
