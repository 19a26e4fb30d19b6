package dev.osprey.server.cli;

/** Process exit statuses (sysexits.h values where one fits). */
final class ExitCodes {
    static final int OK = 0;
    /** The configuration file or environment is wrong. */
    static final int CONFIG = 78;
    /** A listener could not bind or another start-up failure. */
    static final int UNAVAILABLE = 69;
    /** An unexpected error. */
    static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
