package dev.osprey.sctp;

/**
 * Raised by the SCTP and DCEP decoders for input that violates the wire format (RFC 9260 §3, RFC 8832 §5). It is
 * the only exception a parser of this module throws; the association catches it, drops the packet and counts it.
 */
public final class SctpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the input was rejected, so the drop can be counted under the right name. */
    public enum Reason {
        /** A length field points past the end of the enclosing packet or chunk. */
        LENGTH_PAST_END,
        /** Any other violation of the layout. */
        MALFORMED
    }

    private final Reason reason;

    public SctpParseException(String message) {
        this(Reason.MALFORMED, message);
    }

    public SctpParseException(Reason reason, String message) {
        super(message, null, false, false); // no stack trace: malformed input is expected, not exceptional
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
