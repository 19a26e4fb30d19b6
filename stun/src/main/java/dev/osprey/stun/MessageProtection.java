package dev.osprey.stun;

/**
 * What {@link StunEncoder} appends after a message's attributes: MESSAGE-INTEGRITY (RFC 8489 §14.5),
 * MESSAGE-INTEGRITY-SHA256 (§14.6), both in that order, and/or FINGERPRINT (§14.7) last.
 */
public record MessageProtection(IntegrityKey key, boolean sha1, boolean sha256, boolean fingerprint) {
    /** Nothing appended. */
    public static final MessageProtection NONE = new MessageProtection(null, false, false, false);
    /** FINGERPRINT only, as for an unauthenticated Binding response on a multiplexed port. */
    public static final MessageProtection FINGERPRINT = new MessageProtection(null, false, false, true);

    public MessageProtection {
        if ((sha1 || sha256) != (key != null)) {
            throw new IllegalArgumentException("an integrity attribute needs a key, and a key needs an attribute");
        }
    }

    /** MESSAGE-INTEGRITY (HMAC-SHA1), as ICE and most TURN clients use. */
    public static MessageProtection integrity(IntegrityKey key) {
        return new MessageProtection(key, true, false, false);
    }

    /** MESSAGE-INTEGRITY-SHA256 only. */
    public static MessageProtection integritySha256(IntegrityKey key) {
        return new MessageProtection(key, false, true, false);
    }

    /** The same protection with FINGERPRINT appended last. */
    public MessageProtection withFingerprint() {
        return new MessageProtection(key, sha1, sha256, true);
    }
}
