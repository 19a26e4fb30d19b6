package dev.osprey.signaling.sdp;

/** Writes a {@link SessionDescription} as SDP text with CRLF line endings (RFC 8866 §5). */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    public static String write(SessionDescription session) {
        StringBuilder out = new StringBuilder(4096);
        out.append("v=0").append(CRLF);
        out.append("o=").append(session.origin().format()).append(CRLF);
        out.append("s=").append(session.sessionName()).append(CRLF);
        lines(out, session);
        for (MediaDescription media : session.media()) {
            out.append("m=").append(media.mediaLine().format()).append(CRLF);
            lines(out, media);
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, SdpSection section) {
        for (SdpLine line : section.lines()) {
            out.append(line.lineType()).append('=').append(line.lineValue()).append(CRLF);
        }
    }
}
