package dev.osprey.sctp;

/**
 * The DTLS role of this side of the peer connection. RFC 8832 §6: the DTLS client opens data channels on even
 * stream identifiers and the DTLS server on odd ones, so the two sides never pick the same stream.
 */
public enum DtlsRole {
    CLIENT,
    SERVER;

    /** The parity (0 even, 1 odd) of stream identifiers this side allocates. */
    public int streamParity() {
        return this == CLIENT ? 0 : 1;
    }
}
