package dev.osprey.sctp.datachannel;

/** Payload Protocol Identifiers of WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
    /** DCEP control messages. */
    public static final long DCEP = 50;
    public static final long STRING = 51;
    /** Deprecated partial string; never sent, dropped on receipt. */
    public static final long STRING_PARTIAL = 52;
    public static final long BINARY = 53;
    /** Deprecated partial binary; never sent, dropped on receipt. */
    public static final long BINARY_PARTIAL = 54;
    /** An empty string: SCTP cannot carry zero bytes, so one byte is sent and ignored. */
    public static final long STRING_EMPTY = 56;
    public static final long BINARY_EMPTY = 57;

    private Ppid() {
    }
}
