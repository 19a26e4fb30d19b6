package dev.osprey.signaling.sdp;

/**
 * One {@code <type>=<value>} line of a session or media section after the section's first line (RFC 8866 §5).
 * Sections keep their lines in order, so a parsed description writes back as it came.
 */
public sealed interface SdpLine permits SdpAttribute, ConnectionData, Bandwidth, Timing, SdpField {

    /** The type letter, e.g. {@code 'a'} or {@code 'c'}. */
    char lineType();

    /** The text after {@code "<type>="}, as the writer emits it. */
    String lineValue();
}
