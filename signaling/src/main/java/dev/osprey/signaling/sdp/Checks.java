package dev.osprey.signaling.sdp;

/** Invariants the model's constructors share; a violation is an {@link IllegalArgumentException}. */
final class Checks {

    private Checks() {
    }

    static String token(String value, String what) {
        if (!SdpScanner.isToken(value)) {
            throw new IllegalArgumentException(what + " must be an SDP token, got \"" + value + "\"");
        }
        return value;
    }

    static String byteString(String value, String what) {
        if (value == null || value.isEmpty() || !SdpScanner.isByteString(value)) {
            throw new IllegalArgumentException(what + " must be non-empty text without CR, LF or NUL");
        }
        return value;
    }

    /** Text that may be empty but must not break the line. */
    static String lineText(String value, String what) {
        if (value == null || !SdpScanner.isByteString(value)) {
            throw new IllegalArgumentException(what + " must be text without CR, LF or NUL");
        }
        return value;
    }

    static long range(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    static int range(int value, int min, int max, String what) {
        return (int) range((long) value, min, max, what);
    }

    /**
     * Runs a constructor for a parser: an invariant it rejects becomes an {@link SdpParseException}, the only
     * exception parsers may throw.
     */
    static <T> T parsed(String subject, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new SdpParseException(subject + ": " + e.getMessage());
        }
    }

    /** An RTP payload type (RFC 3550 §5.1: 7 bits). */
    static int payloadType(int value) {
        return range(value, 0, 127, "payload type");
    }
}
