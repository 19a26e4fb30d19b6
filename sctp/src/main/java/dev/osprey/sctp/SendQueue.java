package dev.osprey.sctp;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Messages accepted by {@code send} that still have fragments without a TSN (RFC 9260 §6.9). TSNs and SSNs are
 * assigned only when a fragment is first sent, so a message abandoned before that costs the peer nothing. One FIFO
 * for all streams: with DATA chunks a started message must go out in consecutive TSNs anyway.
 */
final class SendQueue {
    private final ArrayDeque<OutboundMessage> queue = new ArrayDeque<>();
    private final Map<Integer, Integer> nextSsn = new HashMap<>();
    private final Map<Integer, Integer> queuedPerStream = new HashMap<>();
    private final int maxFragmentBytes;

    SendQueue(int maxFragmentBytes) {
        this.maxFragmentBytes = maxFragmentBytes;
    }

    void add(OutboundMessage message) {
        queue.add(message);
        queuedPerStream.merge(message.streamId, 1, Integer::sum);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Whether messages of this stream still wait for a TSN (RFC 6525: reset only after they are sent). */
    boolean hasQueued(int streamId) {
        return queuedPerStream.containsKey(streamId);
    }

    /**
     * Size of the next fragment, or -1 when nothing is queued. Drops abandoned heads, heads whose lifetime ended
     * before they were sent (RFC 3758 §3.5 A1), and heads on a stream the association did not get.
     */
    int peekFragmentLength(long nowNanos, Abandoner abandoner, int streamLimit) {
        OutboundMessage head;
        while ((head = queue.peek()) != null) {
            if (head.abandoned() || (!head.started() && head.expired(nowNanos)) || head.streamId >= streamLimit) {
                pollHead();
                abandoner.abandonUnsent(head);
                continue;
            }
            return Math.min(maxFragmentBytes, head.length - head.nextOffset());
        }
        return -1;
    }

    /** Cuts the next fragment of the head message under TSN {@code tsn}; call after {@link #peekFragmentLength}. */
    OutboundChunk nextFragment(long tsn) {
        OutboundMessage head = queue.peek();
        if (!head.started() && !head.unordered) {
            int ssn = nextSsn.getOrDefault(head.streamId, 0);
            head.assignSsn(ssn);
            nextSsn.put(head.streamId, Tsn.nextSsn(ssn));
        }
        int offset = head.nextOffset();
        int size = head.takeFragment(maxFragmentBytes);
        if (head.fullyFragmented()) {
            pollHead();
        }
        return new OutboundChunk(head, tsn, offset, size);
    }

    private void pollHead() {
        OutboundMessage head = queue.poll();
        queuedPerStream.computeIfPresent(head.streamId, (k, n) -> n == 1 ? null : n - 1);
    }

    /** RFC 6525 §5.1.2 / §5.2.3: after a successful reset the stream's next SSN is 0. */
    void resetSsn(int streamId) {
        nextSsn.remove(streamId);
    }

    /** Abandons every queued message (association closing); the abandoner releases them. */
    void abandonAll(Abandoner abandoner) {
        Iterator<OutboundMessage> it = queue.iterator();
        while (it.hasNext()) {
            OutboundMessage m = it.next();
            it.remove();
            abandoner.abandonUnsent(m);
        }
        queuedPerStream.clear();
    }

    /** Called for a message dropped from the queue. */
    @FunctionalInterface
    interface Abandoner {
        void abandonUnsent(OutboundMessage message);
    }
}
