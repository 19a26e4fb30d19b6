package dev.osprey.turn.allocation;

import java.net.InetAddress;

/**
 * Permission for one peer IP address (RFC 8656 §9): any port of that address may send to the relayed address, and
 * the client may send to it. Lasts {@link #LIFETIME_SECONDS} unless refreshed by CreatePermission or ChannelBind.
 */
public final class Permission {
    /** RFC 8656 §9: the permission lifetime is 300 seconds and cannot be changed by the client. */
    public static final long LIFETIME_SECONDS = 300;
    private final InetAddress peer;
    private long expiresAtNanos;

    Permission(InetAddress peer, long expiresAtNanos) {
        this.peer = peer;
        this.expiresAtNanos = expiresAtNanos;
    }

    public InetAddress peer() {
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
