package dev.osprey.sctp;

/** The answer of a send: queued, or why the message was dropped (its buffer is released either way). */
public enum SendResult {
    QUEUED,
    /** The association is closed or closing. */
    NOT_OPEN,
    /** Accepting it would exceed the send buffer; a lossy sender drops, a reliable one waits for buffered-low. */
    BUFFER_FULL,
    /** Larger than the peer's max-message-size (RFC 8841 §6.1). */
    TOO_LARGE,
    /** Empty, or on a stream the association does not have. */
    INVALID
}
