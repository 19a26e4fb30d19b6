package dev.osprey.signaling.sdp;

/**
 * The {@code t=} line (RFC 8866 §5.9): start and stop as NTP seconds; WebRTC always writes {@code t=0 0}
 * (unbounded, RFC 8829 §5.2.1).
 */
public record Timing(long startTime, long stopTime) implements SdpLine {

    /** {@code t=0 0}. */
    public static final Timing UNBOUNDED = new Timing(0, 0);

    public Timing {
        Checks.range(startTime, 0, SdpScanner.MAX_NUMBER, "t= start-time");
        Checks.range(stopTime, 0, SdpScanner.MAX_NUMBER, "t= stop-time");
    }

    /** Parses the text after {@code t=}. */
    public static Timing parse(String value) {
        SdpScanner s = new SdpScanner(value, "t=");
        long start = s.number(0, SdpScanner.MAX_NUMBER, "start-time");
        s.spaces("stop-time");
        long stop = s.number(0, SdpScanner.MAX_NUMBER, "stop-time");
        s.end();
        return new Timing(start, stop);
    }

    @Override
    public char lineType() {
        return 't';
    }

    @Override
    public String lineValue() {
        return startTime + " " + stopTime;
    }
}
