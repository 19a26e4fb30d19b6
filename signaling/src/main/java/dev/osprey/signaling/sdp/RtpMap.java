package dev.osprey.signaling.sdp;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]} (RFC 8866 §6.6): binds a
 * dynamic payload type to a codec. For audio the encoding parameter is the channel count (RFC 8866 §6.6,
 * {@code opus/48000/2} per RFC 7587 §7).
 *
 * @param encodingName as written, e.g. {@code VP8} or {@code opus}; codec names compare case-insensitively
 * @param clockRate    RTP clock rate in Hz
 * @param channels     the encoding parameter, or 0 when absent
 */
public record RtpMap(int payloadType, String encodingName, long clockRate, int channels) implements SdpAttribute {

    public static final String NAME = "rtpmap";

    public RtpMap {
        Checks.payloadType(payloadType);
        Checks.token(encodingName, "encoding name");
        Checks.range(clockRate, 1, 0xFFFF_FFFFL, "clock rate");
        Checks.range(channels, 0, 255, "channel count");
    }

    /** Parses the attribute value (after {@code "rtpmap:"}). */
    public static RtpMap parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=rtpmap");
        int pt = s.integer(0, 127, "payload type");
        s.spaces("encoding name");
        String name = s.token("encoding name");
        s.expect('/', "between encoding name and clock rate");
        long clock = s.number(1, 0xFFFF_FFFFL, "clock rate");
        int channels = s.skip('/') ? s.integer(1, 255, "encoding parameters") : 0;
        s.end();
        return new RtpMap(pt, name, clock, channels);
    }

    /** The channel count, 1 when not written (RFC 8866 §6.6). */
    public int channelsOrDefault() {
        return channels == 0 ? 1 : channels;
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        String base = payloadType + " " + encodingName + '/' + clockRate;
        return channels == 0 ? base : base + '/' + channels;
    }
}
