package dev.osprey.signaling.sdp;

/** {@code a=sctp-port:<port>} (RFC 8841 §5.2): the SCTP port of a data channel section, 5000 in browsers. */
public record SctpPort(int port) implements SdpAttribute {

    public static final String NAME = "sctp-port";
    /** The port browsers use (RFC 8841 §5.2 has no default; 5000 is universal practice). */
    public static final SctpPort DEFAULT = new SctpPort(5000);

    public SctpPort {
        Checks.range(port, 0, 65535, "sctp-port");
    }

    /** Parses the attribute value (after {@code "sctp-port:"}). */
    public static SctpPort parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=sctp-port");
        int port = s.integer(0, 65535, "port");
        s.end();
        return new SctpPort(port);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return Integer.toString(port);
    }
}
