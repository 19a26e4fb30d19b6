package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses SDP text (RFC 8866 §5) into a {@link SessionDescription}. Strict about structure: {@code v=0},
 * {@code o=}, {@code s=} first, known type letters only (RFC 8866 §5: a description with an unknown type letter
 * is rejected), session-only lines outside media sections, known attributes by their RFC grammar. Tolerant where
 * senders differ harmlessly: LF or CRLF per line (mixed too, RFC 8866 §5), runs of spaces between fields, blank
 * lines at the very end, and unknown attributes (kept verbatim). Sizes are checked against {@link SdpLimits}
 * before anything else is built. Every failure is an {@link SdpParseException} naming the line.
 */
public final class SdpParser {

    private static final String KNOWN_TYPES = "vosiuepcbtrzkam";

    private final SdpLimits limits;

    public SdpParser(SdpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public SessionDescription parse(String sdp) {
        Objects.requireNonNull(sdp, "sdp");
        if (sdp.length() > limits.maxTotalChars()) {
            throw new SdpParseException("SDP is " + sdp.length() + " chars, more than the limit of "
                    + limits.maxTotalChars());
        }
        List<String> lines = splitLines(sdp);
        header(lines, 0, 'v', "v=0");
        if (!lines.get(0).equals("v=0")) {
            throw SdpParseException.at(1, lines.get(0), "only SDP version 0 is supported");
        }
        header(lines, 1, 'o', "o=<origin>");
        Origin origin = parseLine(2, lines.get(1), () -> Origin.parse(lines.get(1).substring(2)));
        header(lines, 2, 's', "s=<session name>");
        String sessionName = parseLine(3, lines.get(2), () -> Checks.lineText(lines.get(2).substring(2), "s="));
        return body(lines, origin, sessionName);
    }

    private SessionDescription body(List<String> lines, Origin origin, String sessionName) {
        SessionDescription.Builder session = SessionDescription.builder(origin).sessionName(sessionName);
        MediaDescription.Builder section = null;
        boolean timing = false;
        for (int i = 3; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            char type = lineType(number, line);
            String value = line.substring(2);
            if (type == 'm') {
                if (section != null) {
                    session.addMedia(section.build());
                }
                section = MediaDescription.builder(parseLine(number, line, () -> MediaLine.parse(value)));
                continue;
            }
            checkPlacement(number, line, type, section != null);
            SdpLine parsed = parseLine(number, line, () -> sdpLine(type, value));
            timing |= parsed instanceof Timing;
            if (section == null) {
                session.add(parsed);
            } else {
                section.add(parsed);
            }
        }
        if (!timing) {
            throw new SdpParseException("missing t= line (RFC 8866 §5.9)");
        }
        if (section != null) {
            session.addMedia(section.build());
        }
        return session.build();
    }

    /** RFC 8866 §5: v, o, s open the description once; t, r, z belong to the session, before any m=. */
    private static void checkPlacement(int number, String line, char type, boolean inMedia) {
        if ("vos".indexOf(type) >= 0) {
            throw SdpParseException.at(number, line, type + "= may appear only once, at the top");
        }
        if (inMedia && "trz".indexOf(type) >= 0) {
            throw SdpParseException.at(number, line, type + "= is a session-level line inside a media section");
        }
    }

    private static SdpLine sdpLine(char type, String value) {
        return switch (type) {
            case 'a' -> AttributeParser.parse(value);
            case 'c' -> ConnectionData.parse(value);
            case 'b' -> Bandwidth.parse(value);
            case 't' -> Timing.parse(value);
            default -> new SdpField(type, value);
        };
    }

    /** Runs a line's parser and locates any failure at that line. */
    private static <T> T parseLine(int number, String line, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (SdpParseException e) {
            throw e.atLine(number, line);
        } catch (IllegalArgumentException e) {
            throw SdpParseException.at(number, line, e);
        }
    }

    private static char lineType(int number, String line) {
        if (line.length() < 2 || line.charAt(1) != '=') {
            throw SdpParseException.at(number, line, "expected <type>=<value>");
        }
        char type = line.charAt(0);
        if (KNOWN_TYPES.indexOf(type) < 0) {
            throw SdpParseException.at(number, line, "unknown line type '" + type + "'");
        }
        return type;
    }

    private static void header(List<String> lines, int index, char type, String expected) {
        if (index >= lines.size()) {
            throw new SdpParseException("truncated: missing " + expected + " as line " + (index + 1));
        }
        String line = lines.get(index);
        if (line.length() < 2 || line.charAt(0) != type || line.charAt(1) != '=') {
            throw SdpParseException.at(index + 1, line, "expected " + expected + " as line " + (index + 1));
        }
    }

    /** Splits at LF, dropping a CR before it; checks line count and length; drops trailing blank lines. */
    private List<String> splitLines(String sdp) {
        List<String> lines = new ArrayList<>();
        int blankRun = 0;
        int pos = 0;
        while (pos < sdp.length()) {
            int lf = sdp.indexOf('\n', pos);
            int end = lf < 0 ? sdp.length() : lf;
            int contentEnd = end > pos && sdp.charAt(end - 1) == '\r' ? end - 1 : end;
            int number = lines.size() + 1;
            if (number > limits.maxLines()) {
                throw new SdpParseException("more than " + limits.maxLines() + " lines");
            }
            if (contentEnd - pos > limits.maxLineChars()) {
                throw SdpParseException.at(number, sdp.substring(pos, Math.min(contentEnd, pos + 100)), "line is " + (contentEnd - pos)
                        + " chars, more than the limit of " + limits.maxLineChars());
            }
            String line = sdp.substring(pos, contentEnd);
            checkChars(number, line);
            lines.add(line);
            blankRun = line.isEmpty() ? blankRun + 1 : 0;
            pos = end + 1;
        }
        List<String> content = lines.subList(0, lines.size() - blankRun);
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i).isEmpty()) {
                throw SdpParseException.at(i + 1, "", "empty line");
            }
        }
        return content;
    }

    private static void checkChars(int number, String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == 0) {
                throw SdpParseException.at(number, line, (c == 0 ? "NUL" : "CR without LF") + " at column "
                        + (i + 1));
            }
        }
    }
}
