package dev.osprey.sctp.chunk;

/**
 * Parameter type codes this implementation interprets (RFC 9260 §3.3.2.1, §3.3.3.1, RFC 3758 §3.1, RFC 5061 §4.2.7,
 * RFC 6525 §4). Other codes are kept as raw {@link Parameter}s and handled by their high bits.
 */
public final class ParameterType {
    /** Heartbeat Info inside HEARTBEAT / HEARTBEAT ACK. */
    public static final int HEARTBEAT_INFO = 1;
    public static final int IPV4_ADDRESS = 5;
    public static final int IPV6_ADDRESS = 6;
    public static final int STATE_COOKIE = 7;
    public static final int UNRECOGNIZED_PARAMETER = 8;
    public static final int COOKIE_PRESERVATIVE = 9;
    public static final int SUPPORTED_ADDRESS_TYPES = 12;
    public static final int OUTGOING_SSN_RESET_REQUEST = 13;
    public static final int INCOMING_SSN_RESET_REQUEST = 14;
    public static final int SSN_TSN_RESET_REQUEST = 15;
    public static final int RECONFIGURATION_RESPONSE = 16;
    public static final int ADD_OUTGOING_STREAMS_REQUEST = 17;
    public static final int ADD_INCOMING_STREAMS_REQUEST = 18;
    public static final int ECN_CAPABLE = 0x8000;
    public static final int SUPPORTED_EXTENSIONS = 0x8008;
    public static final int FORWARD_TSN_SUPPORTED = 0xC000;

    private ParameterType() {
    }
}
