package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code m=} line that opens a media section (RFC 8866 §5.14):
 * {@code <media> <port>[/<number of ports>] <proto> <fmt> ...}. For RTP protocols ({@code RTP/AVP},
 * {@code UDP/TLS/RTP/SAVPF}, …) every fmt is a payload type 0–127; for {@code UDP/DTLS/SCTP} it is
 * {@code webrtc-datachannel} (RFC 8841 §4.1).
 *
 * @param portCount the {@code /<number of ports>} suffix, or 0 when absent
 */
public record MediaLine(MediaType media, int port, int portCount, String proto, List<String> formats) {

    /** The data channel protocol (RFC 8841 §4.1). */
    public static final String PROTO_DTLS_SCTP = "UDP/DTLS/SCTP";
    /** The only fmt of a data channel section (RFC 8841 §4.2). */
    public static final String FORMAT_DATA_CHANNEL = "webrtc-datachannel";
    /** The WebRTC RTP protocol (RFC 8827 §6.5, RFC 5764 §8). */
    public static final String PROTO_RTP_SAVPF = "UDP/TLS/RTP/SAVPF";
    /** The discard port JSEP writes when ICE carries the addresses (RFC 8829 §5.2.1). */
    public static final int DISCARD_PORT = 9;

    public MediaLine {
        Objects.requireNonNull(media, "media");
        Checks.range(port, 0, 65535, "m= port");
        Checks.range(portCount, 0, 65535, "m= number of ports");
        checkProto(proto);
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("m= needs at least one fmt");
        }
        for (String format : formats) {
            Checks.token(format, "m= fmt");
            if (isRtp(proto)) {
                payloadType(format);
            }
        }
    }

    /** Parses the text after {@code m=}. */
    public static MediaLine parse(String value) {
        SdpScanner s = new SdpScanner(value, "m=");
        MediaType media = MediaType.valueOf(s.token("media"));
        s.spaces("port");
        int port = s.integer(0, 65535, "port");
        int count = s.skip('/') ? s.integer(1, 65535, "number of ports") : 0;
        s.spaces("proto");
        String proto = s.run(c -> c != ' ', "proto");
        List<String> formats = new ArrayList<>();
        s.spaces("fmt");
        while (!s.atEnd()) {
            formats.add(s.word("fmt"));
            s.trySpaces();
        }
        return Checks.parsed("m=", () -> new MediaLine(media, port, count, proto, formats));
    }

    /** Whether the proto carries RTP, so that fmts are payload types. */
    public boolean isRtp() {
        return isRtp(proto);
    }

    /** The fmts as payload types, in order; only for RTP protos. */
    public List<Integer> payloadTypes() {
        if (!isRtp()) {
            throw new IllegalStateException("m=" + media + " " + proto + " has no payload types");
        }
        return formats.stream().map(MediaLine::payloadType).toList();
    }

    /** Port 0 rejects the section (RFC 8866 §5.14, RFC 3264 §6) unless it is bundle-only (RFC 8843 §6). */
    public boolean isPortZero() {
        return port == 0;
    }

    public MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, portCount, proto, formats);
    }

    public MediaLine withFormats(List<String> newFormats) {
        return new MediaLine(media, port, portCount, proto, newFormats);
    }

    /** The text after {@code m=}. */
    public String format() {
        StringBuilder out = new StringBuilder(32 + formats.size() * 4);
        out.append(media).append(' ').append(port);
        if (portCount > 0) {
            out.append('/').append(portCount);
        }
        out.append(' ').append(proto);
        formats.forEach(f -> out.append(' ').append(f));
        return out.toString();
    }

    private static boolean isRtp(String proto) {
        return proto.contains("RTP/");
    }

    private static void checkProto(String proto) {
        if (proto == null || proto.isEmpty()) {
            throw new IllegalArgumentException("m= needs a proto");
        }
        for (String part : proto.split("/", -1)) {
            Checks.token(part, "m= proto part");
        }
    }

    private static int payloadType(String format) {
        if (format.length() > 3 || !SdpScanner.all(format, SdpScanner::isDigit)) {
            throw new IllegalArgumentException("m= fmt \"" + format + "\" is not an RTP payload type");
        }
        return Checks.payloadType(Integer.parseInt(format));
    }
}
