package dev.osprey.sctp;

import io.netty.buffer.ByteBuf;

/**
 * A user message on its way out: the buffer (owned until the message is done), how far it has been cut into DATA
 * chunks, and its partial-reliability policy (RFC 3758 §3.4, RFC 8831 §6.6). It is done when every fragment has
 * been acknowledged, or when it is abandoned; then the buffer is released and the send buffer credited.
 */
final class OutboundMessage {
    static final int UNLIMITED_RETRANSMITS = -1;
    static final long NO_EXPIRY = Long.MAX_VALUE;

    final int streamId;
    final long ppid;
    final boolean unordered;
    final int maxRetransmits;
    final long expiresAtNanos;
    final int length;
    private final ByteBuf data;
    private int nextOffset;
    private int ssn = -1;
    private long mid = -1;
    private long fragmentsCut;
    private int fragmentsOutstanding;
    private boolean abandoned;
    private boolean done;

    OutboundMessage(int streamId, long ppid, boolean unordered, int maxRetransmits, long expiresAtNanos,
                    ByteBuf data) {
        this.streamId = streamId;
        this.ppid = ppid;
        this.unordered = unordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAtNanos = expiresAtNanos;
        this.data = data;
        this.length = data.readableBytes();
    }

    ByteBuf data() {
        return data;
    }

    boolean started() {
        return nextOffset > 0;
    }

    boolean fullyFragmented() {
        return nextOffset >= length;
    }

    int nextOffset() {
        return nextOffset;
    }

    int ssn() {
        return ssn;
    }

    void assignSsn(int value) {
        ssn = value;
    }

    /** RFC 8260 §2.1: the message identifier, with I-DATA. */
    long mid() {
        return mid;
    }

    void assignMid(long value) {
        mid = value;
    }

    /** Cuts the next fragment of at most {@code maxBytes}; returns its length. */
    int takeFragment(int maxBytes) {
        int size = Math.min(maxBytes, length - nextOffset);
        nextOffset += size;
        fragmentsOutstanding++;
        fragmentsCut++;
        return size;
    }

    /** The fragment sequence number of the fragment cut last (RFC 8260: 0 for the first). */
    long lastFsn() {
        return fragmentsCut - 1;
    }

    boolean expired(long nowNanos) {
        return nowNanos >= expiresAtNanos;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** Whether a fragment sent {@code transmissions} times may be sent again under the policy. */
    boolean mayRetransmit(int transmissions, long nowNanos) {
        return !abandoned && !expired(nowNanos)
                && (maxRetransmits == UNLIMITED_RETRANSMITS || transmissions <= maxRetransmits);
    }

    boolean reliable() {
        return maxRetransmits == UNLIMITED_RETRANSMITS && expiresAtNanos == NO_EXPIRY;
    }

    /** One fragment was acknowledged; returns true when that made the message done. */
    boolean fragmentAcked() {
        fragmentsOutstanding--;
        return finishIfComplete();
    }

    /** Gives the message up; returns true if this call made it done. */
    boolean abandon() {
        if (done) {
            return false;
        }
        abandoned = true;
        return finish();
    }

    boolean done() {
        return done;
    }

    private boolean finishIfComplete() {
        return !done && fragmentsOutstanding == 0 && fullyFragmented() && finish();
    }

    private boolean finish() {
        done = true;
        data.release();
        return true;
    }
}
