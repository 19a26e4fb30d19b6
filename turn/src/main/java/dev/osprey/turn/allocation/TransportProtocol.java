package dev.osprey.turn.allocation;

/** The transport between a client and the server, the last element of the 5-tuple (RFC 8656 §2). */
public enum TransportProtocol {
    UDP,
    TCP,
    TLS;

    /** Whether ChannelData over this transport is padded to four bytes (RFC 8656 §12.5). */
    public boolean isStream() {
        return this != UDP;
    }
}
