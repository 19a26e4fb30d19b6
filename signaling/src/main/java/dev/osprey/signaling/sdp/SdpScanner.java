package dev.osprey.signaling.sdp;

import java.util.function.IntPredicate;

/**
 * A cursor over one line's value that reads the pieces SDP grammars are built from (RFC 8866 §9: token, integer,
 * SP-separated fields). Every read checks bounds and reports failure as {@link SdpParseException}, so attribute
 * parsers never index out of range or parse numbers with exceptions of their own.
 */
final class SdpScanner {

    private static final int MAX_DIGITS = 18; // below Long.MAX_VALUE, so accumulation cannot overflow
    /** The largest number {@link #number} reads: 18 nines. */
    static final long MAX_NUMBER = 999_999_999_999_999_999L;

    private final String text;
    private final String subject;
    private int pos;

    /** @param subject what is being read, for messages, e.g. {@code "a=rtpmap"} */
    SdpScanner(String text, String subject) {
        this.text = text;
        this.subject = subject;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next char, which must exist. */
    char peek() {
        if (atEnd()) {
            throw fail("unexpected end");
        }
        return text.charAt(pos);
    }

    /** Consumes {@code c} if it is next. */
    boolean skip(char c) {
        if (!atEnd() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!skip(c)) {
            throw fail("expected '" + c + "' " + what);
        }
    }

    /** One or more spaces; SDP uses single SP, a run is tolerated. */
    void spaces(String before) {
        if (!trySpaces()) {
            throw fail(atEnd() ? "missing " + before : "expected a space before " + before);
        }
    }

    boolean trySpaces() {
        int start = pos;
        while (!atEnd() && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos > start;
    }

    /** A run of at least one RFC 8866 token-char. */
    String token(String what) {
        return run(SdpScanner::isTokenChar, what);
    }

    /** A run of at least one char that is not a space. */
    String word(String what) {
        return run(c -> c != ' ', what);
    }

    /** A run of at least one char matching {@code allowed}. */
    String run(IntPredicate allowed, String what) {
        int start = pos;
        while (!atEnd() && allowed.test(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw fail(atEnd() ? "missing " + what : "bad " + what);
        }
        return text.substring(start, pos);
    }

    /** An unsigned decimal in {@code [min, max]}. */
    long number(long min, long max, String what) {
        int start = pos;
        long value = 0;
        while (!atEnd() && isDigit(text.charAt(pos))) {
            if (pos - start == MAX_DIGITS) {
                throw fail(what + " is too large");
            }
            value = value * 10 + (text.charAt(pos) - '0');
            pos++;
        }
        if (pos == start) {
            throw fail(atEnd() ? "missing " + what : what + " is not a number");
        }
        if (value < min || value > max) {
            throw fail(what + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    int integer(int min, int max, String what) {
        return (int) number(min, max, what);
    }

    /** Everything left, possibly empty. */
    String rest() {
        String rest = text.substring(pos);
        pos = text.length();
        return rest;
    }

    /** The value must be fully read; trailing spaces are tolerated. */
    void end() {
        trySpaces();
        if (!atEnd()) {
            throw fail("unexpected text \"" + text.substring(pos) + "\"");
        }
    }

    SdpParseException fail(String reason) {
        return new SdpParseException(subject + ": " + reason + " (column " + (pos + 1) + ")");
    }

    /** RFC 8866 §9 token-char: visible ASCII except the separators {@code "(),/:;<=>?@[\]} and SP. */
    static boolean isTokenChar(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                || isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlphaNumeric(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code s} is non-empty and every char matches {@code allowed}. */
    static boolean all(String s, IntPredicate allowed) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!allowed.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole string is one or more token-chars. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 8866 byte-string: anything but NUL, CR and LF; used to keep verbatim values writable. */
    static boolean isByteString(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }
}
