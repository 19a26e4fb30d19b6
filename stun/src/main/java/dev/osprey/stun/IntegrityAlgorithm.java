package dev.osprey.stun;

/**
 * The two message-integrity attributes of RFC 8489: HMAC-SHA1 in MESSAGE-INTEGRITY (§14.5, 20 bytes) and
 * HMAC-SHA256 in MESSAGE-INTEGRITY-SHA256 (§14.6, 32 bytes, which a receiver accepts truncated to 16–32 bytes in
 * steps of 4).
 */
public enum IntegrityAlgorithm {
    HMAC_SHA1(0x0008, "SHA-1", 20),
    HMAC_SHA256(0x001C, "SHA-256", 32);

    private final int attributeType;
    private final String digestName;
    private final int macLength;

    IntegrityAlgorithm(int attributeType, String digestName, int macLength) {
        this.attributeType = attributeType;
        this.digestName = digestName;
        this.macLength = macLength;
    }

    /** The attribute type code that carries this MAC. */
    public int attributeType() {
        return attributeType;
    }

    /** Full MAC length in bytes. */
    public int macLength() {
        return macLength;
    }

    String digestName() {
        return digestName;
    }

    /** Whether {@code length} is a value length the receiver accepts for this attribute. */
    public boolean acceptsLength(int length) {
        return this == HMAC_SHA1 ? length == 20 : length >= 16 && length <= 32 && (length & 3) == 0;
    }
}
