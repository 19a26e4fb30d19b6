package dev.osprey.turn.server;

import dev.osprey.stun.TransactionId;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the response sent for each recent request so that a retransmission (same client, same transaction ID)
 * gets the same answer instead of being processed again (RFC 8489 §6.3.1, RFC 8656 §7.2: a retransmitted Allocate
 * must not be refused with 437). A request still being processed (an Allocate waiting for its relay socket) is marked
 * in progress and its retransmissions are dropped. Bounded in size and age; owned by one event loop.
 */
public final class TransactionCache {
    /** RFC 8489 §6.2.1: a client gives up after about 39.5 s, so 40 s of memory covers every retransmission. */
    public static final long DEFAULT_TTL_NANOS = TimeUnit.SECONDS.toNanos(40);
    private static final byte[] IN_PROGRESS = new byte[0];
    private final int capacity;
    private final long ttlNanos;
    private final Map<Key, Cached> entries;

    public TransactionCache(int capacity, long ttlNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.ttlNanos = ttlNanos;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 64), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > TransactionCache.this.capacity;
            }
        };
    }

    /**
     * Starts a transaction unless it is known: returns null for a new transaction (now marked in progress), an empty
     * array while it is in progress, or the encoded response to send again.
     */
    public byte[] begin(InetSocketAddress client, TransactionId id, long nowNanos) {
        Key key = new Key(client, id);
        Cached entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos - nowNanos > 0) {
            return entry.response;
        }
        entries.remove(key); // re-insert so that insertion order stays age order
        entries.put(key, new Cached(IN_PROGRESS, nowNanos + ttlNanos));
        return null;
    }

    /** Records the encoded response of a transaction begun with {@link #begin}. */
    public void complete(InetSocketAddress client, TransactionId id, byte[] response, long nowNanos) {
        Key key = new Key(client, id);
        entries.remove(key);
        entries.put(key, new Cached(response, nowNanos + ttlNanos));
    }

    /** Forgets a transaction that ended without a response (it may then be processed again). */
    public void abandon(InetSocketAddress client, TransactionId id) {
        entries.remove(new Key(client, id));
    }

    public int size() {
        return entries.size();
    }

    private record Key(InetSocketAddress client, TransactionId id) {
    }

    private record Cached(byte[] response, long expiresAtNanos) {
    }
}
