package dev.osprey.stun;

/**
 * A byte sequence that is not a well-formed STUN message (RFC 8489 §5, §14). The only exception the decoder and
 * the attribute parsers throw. It carries a {@link Reason} so that callers can count drops by cause without parsing
 * the text, and it records no stack trace: a flood of garbage must not cost a stack walk per packet.
 */
public final class StunParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a message was rejected. */
    public enum Reason {
        /** Fewer bytes than the 20-byte header, or than the header's length field announces. */
        TRUNCATED,
        /** The two leading bits are not zero or the magic cookie is wrong (RFC 8489 §5). */
        NOT_STUN,
        /** The length field is not a multiple of 4, or disagrees with the bytes present. */
        BAD_LENGTH,
        /** An attribute's length runs past the end of the message. */
        ATTRIBUTE_OVERFLOW,
        /** A known attribute whose value does not follow its RFC layout. */
        MALFORMED_ATTRIBUTE,
        /** FINGERPRINT is present but is not the last attribute (RFC 8489 §14.7). */
        MISPLACED_FINGERPRINT,
        /** FINGERPRINT does not match the CRC-32 of the message (RFC 8489 §14.7). */
        FINGERPRINT_MISMATCH
    }

    private final Reason reason;

    public StunParseException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
