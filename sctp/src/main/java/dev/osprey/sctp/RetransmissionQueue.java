package dev.osprey.sctp;

import dev.osprey.sctp.OutboundChunk.State;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.ForwardTsnChunk;
import dev.osprey.sctp.chunk.ForwardTsnChunk.SkippedStream;
import dev.osprey.sctp.chunk.IForwardTsnChunk;
import dev.osprey.sctp.chunk.IForwardTsnChunk.SkippedMessage;
import dev.osprey.sctp.chunk.SackChunk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * DATA chunks that have a TSN and are not yet cumulatively acknowledged, in TSN order (RFC 9260 §6.2.1, §6.3,
 * §7.2.4; RFC 3758 §3.5). A SACK acknowledges, gap-acks, reneges and counts miss indications; a T3-rtx expiry
 * marks everything in flight for retransmission; a message whose policy forbids another transmission is abandoned
 * and skipped with a FORWARD TSN.
 */
final class RetransmissionQueue {

    /** What one SACK changed. */
    record SackResult(boolean accepted, boolean cumulativeAdvanced, long rttNanos, boolean fastRetransmit) {
        static final SackResult IGNORED = new SackResult(false, false, -1, false);
    }

    private final ArrayDeque<OutboundChunk> outstanding = new ArrayDeque<>();
    private final CongestionControl congestion;
    private final SctpCounters counters;
    private final Consumer<OutboundMessage> onMessageDone;
    private long cumulativeTsnAck;
    private long flightBytes;
    private int toRetransmit;

    private final boolean partialReliability;
    private final boolean interleaving;

    /**
     * @param partialReliability the peer does FORWARD TSN; without it every message is sent reliably
     * @param interleaving       I-DATA is in use, so skipped messages are announced with I-FORWARD-TSN
     */
    RetransmissionQueue(long initialTsn, CongestionControl congestion, SctpCounters counters,
                        Consumer<OutboundMessage> onMessageDone, boolean partialReliability, boolean interleaving) {
        this.cumulativeTsnAck = Tsn.add(initialTsn, -1);
        this.partialReliability = partialReliability;
        this.interleaving = interleaving;
        this.congestion = congestion;
        this.counters = counters;
        this.onMessageDone = onMessageDone;
    }

    void sent(OutboundChunk chunk, long nowNanos) {
        chunk.transmissions = 1;
        chunk.lastSentNanos = nowNanos;
        outstanding.add(chunk);
        flightBytes += chunk.length;
        congestion.onDataSent(chunk.length);
    }

    void retransmitted(OutboundChunk chunk, long nowNanos) {
        chunk.state = State.IN_FLIGHT;
        chunk.transmissions++;
        chunk.lastSentNanos = nowNanos;
        chunk.fastRetransmitPending = false;
        toRetransmit--;
        flightBytes += chunk.length;
        congestion.onDataSent(chunk.length);
        counters.increment(SctpCounter.RETRANSMITTED_CHUNKS);
    }

    SackResult onSack(SackChunk sack, long highestTsnSent, long nowNanos) {
        long cum = sack.cumulativeTsnAck();
        if (Tsn.lessThan(cum, cumulativeTsnAck) || Tsn.lessThan(highestTsnSent, cum)) {
            // §6.2.1 D-i: an old SACK; or one acknowledging TSNs never sent (a peer bug or an attack)
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return SackResult.IGNORED;
        }
        long flightBefore = flightBytes;
        boolean advanced = Tsn.lessThan(cumulativeTsnAck, cum);
        cumulativeTsnAck = cum;
        long[] acked = {0, -1, 0, 0}; // bytes newly acked, rtt sample, any newly acked (0/1), highest newly acked
        ackCumulative(cum, nowNanos, acked);
        applyGapBlocks(sack, nowNanos, acked);
        int[] blocks = sack.gapAckBlocks();
        boolean fast = false;
        if (blocks.length > 0) {
            // §7.2.4 HTNA: misses count below the highest TSN newly acked; in Fast Recovery, when the cumulative
            // ack advanced, below the highest TSN reported at all
            long highestReported = Tsn.add(cum, blocks[blocks.length - 1]);
            boolean useReported = congestion.inFastRecovery() && advanced;
            if (useReported || acked[2] == 1) {
                fast = countMisses(useReported ? highestReported : acked[3], nowNanos);
            }
        }
        congestion.onAck(advanced, acked[0], flightBefore, cum, flightBytes);
        congestion.onPeerWindow(sack.advertisedWindow(), flightBytes);
        return new SackResult(true, advanced, acked[1], fast);
    }

    private void ackCumulative(long cum, long nowNanos, long[] acked) {
        OutboundChunk head;
        while ((head = outstanding.peek()) != null && Tsn.lessOrEqual(head.tsn, cum)) {
            outstanding.poll();
            switch (head.state) {
                case IN_FLIGHT -> {
                    flightBytes -= head.length;
                    newlyAcked(head, nowNanos, acked);
                }
                case TO_RETRANSMIT -> {
                    toRetransmit--;
                    newlyAcked(head, nowNanos, acked);
                }
                case GAP_ACKED, ABANDONED -> { }
            }
            if (head.state != State.ABANDONED && head.message.fragmentAcked()) {
                onMessageDone.accept(head.message);
            }
        }
    }

    private static void newlyAcked(OutboundChunk chunk, long nowNanos, long[] acked) {
        acked[0] += chunk.length;
        if (chunk.transmissions == 1) { // Karn: never time a retransmitted chunk
            acked[1] = nowNanos - chunk.lastSentNanos;
        }
        if (acked[2] == 0 || Tsn.lessThan(acked[3], chunk.tsn)) {
            acked[2] = 1;
            acked[3] = chunk.tsn;
        }
    }

    private void applyGapBlocks(SackChunk sack, long nowNanos, long[] acked) {
        int[] blocks = sack.gapAckBlocks();
        for (OutboundChunk chunk : outstanding) {
            int offset = Tsn.distance(chunk.tsn, cumulativeTsnAck);
            boolean inBlock = false;
            for (int i = 0; i < blocks.length && !inBlock; i += 2) {
                inBlock = offset >= blocks[i] && offset <= blocks[i + 1];
            }
            if (inBlock && (chunk.state == State.IN_FLIGHT || chunk.state == State.TO_RETRANSMIT)) {
                if (chunk.state == State.IN_FLIGHT) {
                    flightBytes -= chunk.length;
                } else {
                    toRetransmit--;
                }
                chunk.state = State.GAP_ACKED;
                newlyAcked(chunk, nowNanos, acked);
            } else if (!inBlock && chunk.state == State.GAP_ACKED) {
                chunk.state = State.IN_FLIGHT; // §6.2.1: the peer reneged; T3-rtx covers it again
                flightBytes += chunk.length;
            }
        }
    }

    /** Counts a miss for every chunk in flight below {@code limitTsn}; true if one reached its third. */
    private boolean countMisses(long limitTsn, long nowNanos) {
        boolean triggered = false;
        for (OutboundChunk chunk : outstanding) {
            if (!Tsn.lessThan(chunk.tsn, limitTsn)) {
                break;
            }
            if (chunk.state == State.IN_FLIGHT && !chunk.fastRetransmitted && ++chunk.missIndications >= 3) {
                chunk.fastRetransmitted = true; // §7.2.4: a TSN is fast-retransmitted at most once
                if (markForRetransmit(chunk, nowNanos)) {
                    chunk.fastRetransmitPending = true;
                    triggered = true;
                }
            }
        }
        if (triggered) {
            counters.increment(SctpCounter.FAST_RETRANSMITS);
            congestion.onFastRetransmit(outstanding.getLast().tsn);
        }
        return triggered;
    }

    /** §6.3.3 E3: everything in flight is to be sent again (or abandoned under its policy). */
    void onRetransmissionTimeout(long nowNanos) {
        congestion.onRetransmissionTimeout();
        for (OutboundChunk chunk : outstanding) {
            if (chunk.state == State.IN_FLIGHT) {
                markForRetransmit(chunk, nowNanos);
            }
        }
    }

    /** Returns false when the chunk's message was abandoned instead. */
    private boolean markForRetransmit(OutboundChunk chunk, long nowNanos) {
        if (partialReliability && !chunk.message.mayRetransmit(chunk.transmissions, nowNanos)) {
            abandon(chunk.message);
            return false;
        }
        chunk.state = State.TO_RETRANSMIT;
        flightBytes -= chunk.length;
        toRetransmit++;
        return true;
    }

    /** RFC 3758 §3.5 A2: every chunk of the message is abandoned, and the message released. */
    void abandon(OutboundMessage message) {
        for (OutboundChunk chunk : outstanding) {
            if (chunk.message != message || chunk.state == State.ABANDONED) {
                continue;
            }
            if (chunk.state == State.IN_FLIGHT) {
                flightBytes -= chunk.length;
            } else if (chunk.state == State.TO_RETRANSMIT) {
                toRetransmit--;
            }
            chunk.state = State.ABANDONED;
        }
        if (message.abandon()) {
            counters.increment(SctpCounter.ABANDONED_MESSAGES);
            onMessageDone.accept(message);
        }
    }

    /**
     * RFC 3758 §3.5 C2/C3: the Advanced.Peer.Ack.Point moves over abandoned chunks at the head; when it passed the
     * cumulative TSN ack, returns the FORWARD TSN to send (with the highest skipped SSN of each ordered stream).
     */
    Chunk forwardTsn() {
        OutboundChunk head = outstanding.peek();
        if (head == null || head.state != State.ABANDONED) {
            return null; // the common case, without building anything
        }
        long advanced = cumulativeTsnAck;
        Map<Integer, Long> last = new LinkedHashMap<>();
        for (OutboundChunk chunk : outstanding) {
            if (chunk.state != State.ABANDONED) {
                break;
            }
            advanced = chunk.tsn;
            OutboundMessage m = chunk.message;
            if (interleaving) {
                last.put(m.streamId * 2 + (m.unordered ? 1 : 0), m.mid()); // RFC 8260 §2.3.1: U and MID
            } else if (!m.unordered) {
                last.put(m.streamId * 2, (long) m.ssn()); // RFC 3758 §3.2: ordered streams only
            }
        }
        if (advanced == cumulativeTsnAck) {
            return null;
        }
        if (interleaving) {
            List<SkippedMessage> skipped = new ArrayList<>(last.size());
            last.forEach((key, mid) -> skipped.add(new SkippedMessage(key >> 1, (key & 1) != 0, mid)));
            return new IForwardTsnChunk(advanced, skipped);
        }
        List<SkippedStream> skipped = new ArrayList<>(last.size());
        last.forEach((key, ssn) -> skipped.add(new SkippedStream(key >> 1, (int) (long) ssn)));
        return new ForwardTsnChunk(advanced, skipped);
    }

    Iterable<OutboundChunk> chunks() {
        return outstanding;
    }

    boolean hasRetransmissions() {
        return toRetransmit > 0;
    }

    boolean isEmpty() {
        return outstanding.isEmpty();
    }

    long flightBytes() {
        return flightBytes;
    }

    long cumulativeTsnAck() {
        return cumulativeTsnAck;
    }

    /** Abandons everything (association closing): every message is released exactly once. */
    void releaseAll() {
        Iterator<OutboundChunk> it = outstanding.iterator();
        while (it.hasNext()) {
            OutboundChunk chunk = it.next();
            it.remove();
            if (chunk.message.abandon()) {
                onMessageDone.accept(chunk.message);
            }
        }
        flightBytes = 0;
        toRetransmit = 0;
    }
}
