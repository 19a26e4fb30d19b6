package dev.osprey.signaling.sdp;

/**
 * {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} (RFC 5576 §4.1): a source-level attribute such as
 * {@code cname} (RFC 5576 §6.1) or the legacy {@code msid} of a source.
 *
 * @param ssrc      the 32-bit SSRC as an unsigned value
 * @param attribute the source attribute's name
 * @param value     its value, or {@code null} for a property
 */
public record Ssrc(long ssrc, String attribute, String value) implements SdpAttribute {

    public static final String NAME = "ssrc";
    public static final String CNAME = "cname";
    public static final String MSID = "msid";

    public Ssrc {
        Checks.range(ssrc, 0, 0xFFFF_FFFFL, "ssrc");
        Checks.token(attribute, "ssrc attribute");
        if (value != null) {
            Checks.lineText(value, "ssrc attribute value");
        }
    }

    /** Parses the attribute value (after {@code "ssrc:"}). */
    public static Ssrc parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=ssrc");
        long ssrc = s.number(0, 0xFFFF_FFFFL, "ssrc-id");
        s.spaces("source attribute");
        String attribute = s.token("source attribute");
        String attributeValue = s.skip(':') ? s.rest() : null;
        s.end();
        return Checks.parsed("a=ssrc", () -> new Ssrc(ssrc, attribute, attributeValue));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return value == null ? ssrc + " " + attribute : ssrc + " " + attribute + ':' + value;
    }
}
