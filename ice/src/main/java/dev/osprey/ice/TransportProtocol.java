package dev.osprey.ice;

/** The transport of a candidate or 5-tuple: UDP, or TCP with RFC 4571 framing (RFC 6544). */
public enum TransportProtocol {
    UDP("udp"),
    TCP("tcp");

    private final String sdpToken;

    TransportProtocol(String sdpToken) {
        this.sdpToken = sdpToken;
    }

    /** The transport token of the candidate attribute (RFC 8839 §5.1; browsers write it in lower case). */
    public String sdpToken() {
        return sdpToken;
    }
}
