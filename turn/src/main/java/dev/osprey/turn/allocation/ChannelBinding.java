package dev.osprey.turn.allocation;

import java.net.InetSocketAddress;

/**
 * A channel number bound to one peer transport address (RFC 8656 §12), so that data flows as 4-byte-header
 * ChannelData instead of 36-byte-header Send/Data indications. Lasts {@link #LIFETIME_SECONDS} unless re-bound.
 */
public final class ChannelBinding {
    /** RFC 8656 §12: a channel binding lasts 10 minutes unless refreshed. */
    public static final long LIFETIME_SECONDS = 600;
    private final int number;
    private final InetSocketAddress peer;
    private long expiresAtNanos;

    ChannelBinding(int number, InetSocketAddress peer, long expiresAtNanos) {
        this.number = number;
        this.peer = peer;
        this.expiresAtNanos = expiresAtNanos;
    }

    public int number() {
        return number;
    }

    public InetSocketAddress peer() {
        return peer;
    }

    public long expiresAtNanos() {
        return expiresAtNanos;
    }

    void extendTo(long expiresAtNanos) {
        this.expiresAtNanos = expiresAtNanos;
    }

    boolean isExpired(long nowNanos) {
        return expiresAtNanos - nowNanos <= 0;
    }
}
