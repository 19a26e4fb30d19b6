package dev.osprey.rtp.nack;

import io.netty.buffer.ByteBuf;

import java.util.function.LongSupplier;

/**
 * A sender's recent packets, kept for retransmission on NACK (RFC 4585 §6.2.1, RFC 4588): a ring of
 * {@code capacity} slots indexed by extended sequence number, each holding a {@link ByteBuf#retain() retained}
 * reference to the packet's buffer with its offset and length (no slice object, so storing allocates nothing).
 *
 * <p>A packet leaves the cache, and its reference is released, when a newer packet takes its slot, when it is older
 * than {@code maxAgeNanos} at lookup or {@link #evictExpired()}, or on {@link #clear()}. Lookups hand out the stored
 * buffer for the caller to copy from before returning to the event loop; the cache keeps ownership.
 *
 * <p>{@link #shouldResend} implements the usual pacing: the same packet is not resent again within one round-trip
 * time (a NACK repeated before the first retransmission could arrive) and at most {@code maxResends} times.
 * Single-threaded: owned by one event loop.
 */
public final class RetransmissionCache implements AutoCloseable {
    private final int mask;
    private final long maxAgeNanos;
    private final int maxResends;
    private final LongSupplier nanoClock;
    private final ByteBuf[] buffers;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] sequences;
    private final long[] storedAt;
    private final long[] resentAt;
    private final int[] resends;
    private long newest = Long.MIN_VALUE;
    private int size;

    /**
     * @param capacity    slots, rounded up to a power of two (e.g. 1024 covers ~1 s of 8 Mbps video)
     * @param maxAgeNanos packets older than this are not resent (a retransmission arriving that late is useless)
     * @param maxResends  how often one packet may be resent
     * @param nanoClock   monotonic time in nanoseconds
     */
    public RetransmissionCache(int capacity, long maxAgeNanos, int maxResends, LongSupplier nanoClock) {
        if (capacity < 1 || capacity > 1 << 16 || maxAgeNanos <= 0 || maxResends < 0) {
            throw new IllegalArgumentException("capacity 1..65536, positive max age, non-negative resends");
        }
        int slots = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.mask = slots - 1;
        this.maxAgeNanos = maxAgeNanos;
        this.maxResends = maxResends;
        this.nanoClock = nanoClock;
        buffers = new ByteBuf[slots];
        offsets = new int[slots];
        lengths = new int[slots];
        sequences = new long[slots];
        storedAt = new long[slots];
        resentAt = new long[slots];
        resends = new int[slots];
    }

    /**
     * Stores the packet of {@code length} bytes at {@code offset} in {@code buf} under {@code extendedSequence},
     * retaining {@code buf} once. A packet older than the window ({@code newest - capacity}) is not stored and
     * {@code false} is returned; the same sequence stored again replaces the earlier packet.
     */
    public boolean put(long extendedSequence, ByteBuf buf, int offset, int length) {
        if (newest != Long.MIN_VALUE && extendedSequence <= newest - buffers.length) {
            return false;
        }
        int slot = (int) extendedSequence & mask;
        release(slot);
        buffers[slot] = buf.retain();
        offsets[slot] = offset;
        lengths[slot] = length;
        sequences[slot] = extendedSequence;
        storedAt[slot] = nanoClock.getAsLong();
        resends[slot] = 0;
        size++;
        if (extendedSequence > newest) {
            newest = extendedSequence;
        }
        return true;
    }

    /** The slot holding {@code extendedSequence}, or -1 when it is absent or expired (an expired one is released). */
    public int find(long extendedSequence) {
        int slot = (int) extendedSequence & mask;
        if (buffers[slot] == null || sequences[slot] != extendedSequence) {
            return -1;
        }
        if (nanoClock.getAsLong() - storedAt[slot] > maxAgeNanos) {
            release(slot);
            return -1;
        }
        return slot;
    }

    /** The buffer of a slot from {@link #find}; owned by the cache, valid until the next call that stores or evicts. */
    public ByteBuf buffer(int slot) {
        return buffers[slot];
    }

    public int offset(int slot) {
        return offsets[slot];
    }

    public int length(int slot) {
        return lengths[slot];
    }

    /**
     * Whether the packet in {@code slot} may be resent now: fewer than {@code maxResends} resends so far, and none
     * within the last {@code rttNanos}. Records the resend when it returns {@code true}.
     */
    public boolean shouldResend(int slot, long rttNanos) {
        long now = nanoClock.getAsLong();
        if (resends[slot] >= maxResends || (resends[slot] > 0 && now - resentAt[slot] < rttNanos)) {
            return false;
        }
        resends[slot]++;
        resentAt[slot] = now;
        return true;
    }

    /** Releases every packet older than the maximum age. */
    public void evictExpired() {
        long now = nanoClock.getAsLong();
        for (int slot = 0; slot < buffers.length; slot++) {
            if (buffers[slot] != null && now - storedAt[slot] > maxAgeNanos) {
                release(slot);
            }
        }
    }

    /** Packets currently held. */
    public int size() {
        return size;
    }

    public int capacity() {
        return buffers.length;
    }

    /** Releases every packet. */
    public void clear() {
        for (int slot = 0; slot < buffers.length; slot++) {
            release(slot);
        }
        newest = Long.MIN_VALUE;
    }

    @Override
    public void close() {
        clear();
    }

    private void release(int slot) {
        ByteBuf old = buffers[slot];
        if (old != null) {
            buffers[slot] = null;
            size--;
            old.release();
        }
    }
}
