package dev.osprey.sctp;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Messages accepted by {@code send} that still have fragments without a TSN (RFC 9260 §6.9). TSNs and SSNs are
 * assigned only when a fragment is first sent, so a message abandoned before that costs the peer nothing.
 * <p>
 * Streams take turns message by message (round robin), so a backlog on one data channel does not hold back the
 * others: a lossy message queued behind a burst of reliable ones goes out after the message in progress. A started
 * message is finished first, because DATA fragments of one message must carry consecutive TSNs (RFC 8260 §1).
 * With I-DATA ({@link #useInterleaving}) streams take turns fragment by fragment instead (RFC 8260 §1), and
 * messages get message identifiers rather than stream sequence numbers.
 */
final class SendQueue {
    private final Map<Integer, ArrayDeque<OutboundMessage>> perStream = new HashMap<>();
    /** Streams with queued messages, in turn order. */
    private final ArrayDeque<Integer> turns = new ArrayDeque<>();
    private final Map<Integer, Integer> nextSsn = new HashMap<>();
    /** RFC 8260 §2.1: MIDs count per stream, ordered and unordered separately (key: stream * 2 + unordered). */
    private final Map<Integer, Long> nextMid = new HashMap<>();
    private int maxFragmentBytes;
    private boolean interleaving;
    /** The message being cut into fragments, once its first one has a TSN. */
    private OutboundMessage current;

    SendQueue(int maxFragmentBytes) {
        this.maxFragmentBytes = maxFragmentBytes;
    }

    /** Switches to I-DATA once the association agreed on it; nothing has been fragmented yet. */
    void useInterleaving(int fragmentBytes) {
        this.interleaving = true;
        this.maxFragmentBytes = fragmentBytes;
    }

    void add(OutboundMessage message) {
        ArrayDeque<OutboundMessage> queue = perStream.get(message.streamId);
        if (queue == null) {
            queue = new ArrayDeque<>(4);
            perStream.put(message.streamId, queue);
            turns.add(message.streamId);
        }
        queue.add(message);
    }

    boolean isEmpty() {
        return current == null && turns.isEmpty();
    }

    /** Whether messages of this stream still wait for a TSN (RFC 6525: reset only after they are sent). */
    boolean hasQueued(int streamId) {
        return perStream.containsKey(streamId) || (current != null && current.streamId == streamId);
    }

    /**
     * Size of the next fragment, or -1 when nothing is queued. Drops abandoned messages, messages whose lifetime
     * ended before they were sent (RFC 3758 §3.5 A1), and messages on a stream the association did not get.
     */
    int peekFragmentLength(long nowNanos, Abandoner abandoner, int streamLimit) {
        if (current != null && current.abandoned()) {
            current = null; // its sent fragments are skipped with FORWARD TSN; the rest is never sent
        }
        OutboundMessage next = current != null ? current : nextHead(nowNanos, abandoner, streamLimit);
        return next == null ? -1 : Math.min(maxFragmentBytes, next.length - next.nextOffset());
    }

    private OutboundMessage nextHead(long nowNanos, Abandoner abandoner, int streamLimit) {
        Integer stream;
        while ((stream = turns.peek()) != null) {
            ArrayDeque<OutboundMessage> queue = perStream.get(stream);
            OutboundMessage head = queue.peek();
            if (head.abandoned() || (!head.started() && (head.expired(nowNanos) || head.streamId >= streamLimit))) {
                pollHead(stream, queue, false);
                abandoner.abandonUnsent(head);
                continue;
            }
            return head;
        }
        return null;
    }

    /** Cuts the next fragment under TSN {@code tsn}; call after {@link #peekFragmentLength} returned >= 0. */
    OutboundChunk nextFragment(long tsn) {
        if (interleaving) {
            return nextInterleavedFragment(tsn);
        }
        OutboundMessage message = current;
        if (message == null) {
            int stream = turns.peek();
            message = pollHead(stream, perStream.get(stream), true);
            if (!message.unordered) {
                int ssn = nextSsn.getOrDefault(message.streamId, 0);
                message.assignSsn(ssn);
                nextSsn.put(message.streamId, Tsn.nextSsn(ssn));
            }
            current = message;
        }
        int offset = message.nextOffset();
        int size = message.takeFragment(maxFragmentBytes);
        if (message.fullyFragmented()) {
            current = null;
        }
        return new OutboundChunk(message, tsn, offset, size, -1);
    }

    /** One fragment of the current stream's head message, then the next stream's turn. */
    private OutboundChunk nextInterleavedFragment(long tsn) {
        int stream = turns.peek();
        ArrayDeque<OutboundMessage> queue = perStream.get(stream);
        OutboundMessage message = queue.peek();
        if (!message.started()) {
            int key = message.streamId * 2 + (message.unordered ? 1 : 0);
            long mid = nextMid.getOrDefault(key, 0L);
            message.assignMid(mid);
            nextMid.put(key, (mid + 1) & 0xFFFFFFFFL);
        }
        int offset = message.nextOffset();
        int size = message.takeFragment(maxFragmentBytes);
        if (message.fullyFragmented()) {
            pollHead(stream, queue, true);
        } else {
            turns.add(turns.poll());
        }
        return new OutboundChunk(message, tsn, offset, size, message.lastFsn());
    }

    /** Removes the stream's head; {@code rotate} sends the stream to the back of the turn order. */
    private OutboundMessage pollHead(int stream, ArrayDeque<OutboundMessage> queue, boolean rotate) {
        OutboundMessage head = queue.poll();
        if (queue.isEmpty()) {
            perStream.remove(stream);
            turns.poll();
        } else if (rotate) {
            turns.add(turns.poll());
        }
        return head;
    }

    /** RFC 6525 §5.1.2 / §5.2.3: after a successful reset the stream's next SSN is 0. */
    void resetSsn(int streamId) {
        nextSsn.remove(streamId);
        nextMid.remove(streamId * 2);
        nextMid.remove(streamId * 2 + 1);
    }

    /** Abandons every queued message (association closing); the abandoner releases them. */
    void abandonAll(Abandoner abandoner) {
        current = null;
        for (ArrayDeque<OutboundMessage> queue : perStream.values()) {
            queue.forEach(abandoner::abandonUnsent);
        }
        perStream.clear();
        turns.clear();
    }

    /** Called for a message dropped from the queue. */
    @FunctionalInterface
    interface Abandoner {
        void abandonUnsent(OutboundMessage message);
    }
}
