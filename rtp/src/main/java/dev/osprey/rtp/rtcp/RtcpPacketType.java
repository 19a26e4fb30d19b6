package dev.osprey.rtp.rtcp;

/**
 * RTCP packet types (IANA "RTP Control Protocol (RTCP) Control Packet Types" registry) as an open enum: every value
 * 0..255 has an instance, named when registered, so unknown types pass through without loss. The {@code int}
 * constants are for {@code switch} on the hot path.
 */
public final class RtcpPacketType {
    /** RFC 3550 §6.4.1 sender report. */
    public static final int SR = 200;
    /** RFC 3550 §6.4.2 receiver report. */
    public static final int RR = 201;
    /** RFC 3550 §6.5 source description. */
    public static final int SDES = 202;
    /** RFC 3550 §6.6 goodbye. */
    public static final int BYE = 203;
    /** RFC 3550 §6.7 application-defined. */
    public static final int APP = 204;
    /** RFC 4585 §6.2 transport-layer feedback. */
    public static final int RTPFB = 205;
    /** RFC 4585 §6.3 payload-specific feedback. */
    public static final int PSFB = 206;
    /** RFC 3611 extended report. */
    public static final int XR = 207;

    private static final RtcpPacketType[] ALL = new RtcpPacketType[256];

    static {
        for (int code = 0; code < 256; code++) {
            ALL[code] = new RtcpPacketType(code, nameOf(code));
        }
    }

    private final int code;
    private final String name;

    private RtcpPacketType(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The instance for {@code code} (0..255); never allocates. */
    public static RtcpPacketType valueOf(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("RTCP packet type out of range: " + code);
        }
        return ALL[code];
    }

    public int code() {
        return code;
    }

    /** The registry's abbreviation, or {@code "PT<code>"} when unassigned here. */
    public String name() {
        return name;
    }

    public boolean isKnown() {
        return code >= SR && code <= XR;
    }

    private static String nameOf(int code) {
        return switch (code) {
            case SR -> "SR";
            case RR -> "RR";
            case SDES -> "SDES";
            case BYE -> "BYE";
            case APP -> "APP";
            case RTPFB -> "RTPFB";
            case PSFB -> "PSFB";
            case XR -> "XR";
            default -> "PT" + code;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
