package dev.osprey.dtls;

/**
 * Which side of the DTLS handshake Osprey takes, decided by SDP {@code a=setup} (RFC 8842 §5.3, RFC 4145 §4): the
 * {@code active} endpoint is the DTLS client.
 */
public enum DtlsRole {
    /** Osprey sends the ClientHello: we answered {@code a=setup:active} (the publisher peer connection). */
    CLIENT,
    /** Osprey answers the ClientHello: we offered {@code actpass} and the browser answered {@code active}. */
    SERVER
}
