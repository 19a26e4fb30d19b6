package dev.osprey.dtls;

/** Malformed DTLS-related input: a record that breaks RFC 6347 §4.1 framing, or an unparsable fingerprint. */
public final class DtlsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, without echoing secret material */
    public DtlsFormatException(String message) {
        super(message);
    }
}
