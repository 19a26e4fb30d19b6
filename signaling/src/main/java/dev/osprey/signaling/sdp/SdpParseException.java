package dev.osprey.signaling.sdp;

/**
 * Malformed or oversized SDP (RFC 8866). The only exception the SDP parser and the attribute parsers throw for bad
 * input; the message names the line (number and a shortened copy) and what was wrong with it.
 */
public final class SdpParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int QUOTED_CHARS = 80;

    private final int lineNumber;
    private final String reason;

    /** A problem found without knowing the line yet (attribute parsers); the SDP parser adds the line. */
    public SdpParseException(String reason) {
        this(0, null, reason, null);
    }

    private SdpParseException(int lineNumber, String line, String reason, Throwable cause) {
        super(message(lineNumber, line, reason), cause);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** The same problem located at {@code lineNumber} (1-based) of the description. */
    public SdpParseException atLine(int number, String line) {
        return new SdpParseException(number, line, reason, this);
    }

    /** A problem at a known line. */
    static SdpParseException at(int number, String line, String reason) {
        return new SdpParseException(number, line, reason, null);
    }

    /** An invariant of the typed model that the text broke, turned into a parse failure at that line. */
    static SdpParseException at(int number, String line, IllegalArgumentException invariant) {
        return new SdpParseException(number, line, invariant.getMessage(), invariant);
    }

    /** 1-based line number, or 0 when the problem was found outside the SDP parser (a lone attribute value). */
    public int lineNumber() {
        return lineNumber;
    }

    /** What was wrong, without the location. */
    public String reason() {
        return reason;
    }

    private static String message(int lineNumber, String line, String reason) {
        if (lineNumber <= 0) {
            return reason;
        }
        if (line == null) {
            return "line " + lineNumber + ": " + reason;
        }
        String shown = line.length() > QUOTED_CHARS ? line.substring(0, QUOTED_CHARS) + "…" : line;
        return "line " + lineNumber + " \"" + printable(shown) + "\": " + reason;
    }

    /** Control characters would garble a log line; show them as escapes. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
