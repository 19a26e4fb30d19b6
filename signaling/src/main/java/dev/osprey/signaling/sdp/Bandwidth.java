package dev.osprey.signaling.sdp;

/**
 * The {@code b=} line (RFC 8866 §5.8): {@code <bwtype>:<bandwidth>}. {@code AS} and {@code CT} are in kilobits per
 * second, {@code TIAS} (RFC 3890) in bits per second; the unit depends on the type, so the number is kept raw.
 *
 * @param bandwidthType {@code AS}, {@code CT}, {@code TIAS} or an extension token
 * @param bandwidth     the value in the unit of {@code bandwidthType}
 */
public record Bandwidth(String bandwidthType, long bandwidth) implements SdpLine {

    public Bandwidth {
        Checks.token(bandwidthType, "b= bwtype");
        Checks.range(bandwidth, 0, SdpScanner.MAX_NUMBER, "b= bandwidth");
    }

    /** Parses the text after {@code b=}. */
    public static Bandwidth parse(String value) {
        SdpScanner s = new SdpScanner(value, "b=");
        String type = s.token("bwtype");
        s.expect(':', "after the bwtype");
        long bandwidth = s.number(0, SdpScanner.MAX_NUMBER, "bandwidth");
        s.end();
        return new Bandwidth(type, bandwidth);
    }

    @Override
    public char lineType() {
        return 'b';
    }

    @Override
    public String lineValue() {
        return bandwidthType + ':' + bandwidth;
    }
}
