package dev.osprey.media.api;

/** The {@code a=setup} attribute of a DTLS-SRTP media section (RFC 8842 §5.2, RFC 4145 §4). */
public enum DtlsSetup {
    /** Will initiate the handshake (DTLS client). */
    ACTIVE,
    /** Will wait for the handshake (DTLS server). */
    PASSIVE,
    /** Either: the offerer's usual choice; the answerer then picks. */
    ACTPASS
}
