package dev.osprey.sctp;

/**
 * How one message is sent: ordered or not, and its partial-reliability policy (RFC 3758 §3.4, RFC 8831 §6.6).
 *
 * @param maxRetransmits how often a lost fragment may be sent again; -1 for no limit; 0 sends it once
 * @param lifetimeMillis how long the message may wait or be retransmitted; -1 for no limit
 */
public record SendOptions(boolean unordered, int maxRetransmits, long lifetimeMillis) {
    public static final SendOptions RELIABLE_ORDERED = new SendOptions(false, -1, -1);

    public SendOptions {
        if (maxRetransmits < -1 || lifetimeMillis < -1) {
            throw new IllegalArgumentException("maxRetransmits and lifetimeMillis are -1 (unlimited) or >= 0");
        }
        if (maxRetransmits >= 0 && lifetimeMillis >= 0) {
            throw new IllegalArgumentException("RFC 8831 §6.6: at most one partial-reliability policy");
        }
    }

    public boolean reliable() {
        return maxRetransmits < 0 && lifetimeMillis < 0;
    }
}
