package dev.osprey.signaling.sdp;

/**
 * The {@code c=} line (RFC 8866 §5.7): {@code <nettype> <addrtype> <connection-address>}. With ICE the address is
 * not used for media (RFC 8839 §4.2.1.1: {@code IN IP4 0.0.0.0} when trickling), so it is kept as written,
 * including any multicast {@code /ttl/count} suffix.
 */
public record ConnectionData(String netType, String addressType, String address) implements SdpLine {

    /** {@code IN IP4 0.0.0.0}, the placeholder JSEP writes before candidates are known (RFC 8829 §5.2.1). */
    public static final ConnectionData UNSPECIFIED_IP4 = new ConnectionData("IN", "IP4", "0.0.0.0");

    public ConnectionData {
        Checks.token(netType, "c= nettype");
        Checks.token(addressType, "c= addrtype");
        Checks.byteString(address, "c= connection-address");
        if (address.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("c= connection-address must be one word");
        }
    }

    /** Parses the text after {@code c=}. */
    public static ConnectionData parse(String value) {
        SdpScanner s = new SdpScanner(value, "c=");
        String netType = s.token("nettype");
        s.spaces("addrtype");
        String addressType = s.token("addrtype");
        s.spaces("connection-address");
        String address = s.word("connection-address");
        s.end();
        return new ConnectionData(netType, addressType, address);
    }

    @Override
    public char lineType() {
        return 'c';
    }

    @Override
    public String lineValue() {
        return netType + ' ' + addressType + ' ' + address;
    }
}
