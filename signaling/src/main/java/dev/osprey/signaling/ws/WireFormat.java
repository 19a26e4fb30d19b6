package dev.osprey.signaling.ws;

/**
 * The two encodings of LiveKit signal messages: protobuf in binary WebSocket frames (what every SDK uses) and
 * protojson in text frames. The server answers in the encoding of the client's latest request.
 */
public enum WireFormat {
    PROTOBUF("protobuf"),
    JSON("json");

    private final String metricName;

    WireFormat(String metricName) {
        this.metricName = metricName;
    }

    public String metricName() {
        return metricName;
    }
}
