package dev.osprey.sctp.chunk;

/**
 * What a receiver does with a chunk type or parameter type it does not recognize, encoded in the two highest bits of
 * the type (RFC 9260 §3.2 for chunks, §3.2.1 for parameters).
 */
public enum UnrecognizedAction {
    /** 00: stop processing (the packet, or the chunk for a parameter), report nothing. */
    STOP,
    /** 01: stop processing and report it (ERROR "Unrecognized Chunk Type", or an Unrecognized Parameter). */
    STOP_AND_REPORT,
    /** 10: skip it and continue. */
    SKIP,
    /** 11: skip it, continue, and report it. */
    SKIP_AND_REPORT;

    static UnrecognizedAction ofHighBits(int bits) {
        return values()[bits & 0b11];
    }

    public boolean stops() {
        return this == STOP || this == STOP_AND_REPORT;
    }

    public boolean reports() {
        return this == STOP_AND_REPORT || this == SKIP_AND_REPORT;
    }
}
