package dev.osprey.sctp;

import dev.osprey.sctp.AssociationTimers.Timer;
import dev.osprey.sctp.OutboundChunk.State;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.SackChunk;

/**
 * The sending half of an established association (RFC 9260 §6.1–§6.3, §7; RFC 3758 §3.5): assigns TSNs to queued
 * fragments as the congestion and receive windows allow, retransmits what SACKs and T3-rtx expiries mark, and
 * skips abandoned messages with FORWARD TSN.
 */
final class DataSender {
    private final SendQueue queue;
    private final CongestionControl congestion;
    private final RetransmissionQueue retransmissions;
    private final AssociationTimers timers;
    private final RtoEstimator rto;
    private final SctpScheduler scheduler;
    private final SctpCounters counters;
    private final int outboundStreams;
    private final boolean forwardTsnAllowed;
    private final int maxPacketBytes;
    private long nextTsn;
    private boolean forwardTsnDue;
    private long lastDataSentNanos;
    private final SendQueue.Abandoner abandoner = this::abandonUnsent;

    DataSender(AssociationParameters params, SendQueue queue, SctpSettings settings, AssociationTimers timers,
               RtoEstimator rto, SctpScheduler scheduler, SctpCounters counters,
               java.util.function.Consumer<OutboundMessage> onMessageDone) {
        this.queue = queue;
        this.congestion = new CongestionControl(settings.maxPacketBytes(), params.peerWindow());
        this.retransmissions = new RetransmissionQueue(params.localInitialTsn(), congestion, counters, onMessageDone,
                params.peerForwardTsn(), params.interleaving());
        if (params.interleaving()) {
            queue.useInterleaving(settings.maxInterleavedFragmentBytes());
        }
        this.timers = timers;
        this.rto = rto;
        this.scheduler = scheduler;
        this.counters = counters;
        this.outboundStreams = params.outboundStreams();
        this.forwardTsnAllowed = params.peerForwardTsn();
        this.maxPacketBytes = settings.maxPacketBytes();
        this.nextTsn = params.localInitialTsn();
    }

    /** Processes a SACK (or the cumulative ack of a SHUTDOWN); returns whether the cumulative ack advanced. */
    boolean onSack(SackChunk sack) {
        long now = scheduler.nanoTime();
        RetransmissionQueue.SackResult result = retransmissions.onSack(sack, Tsn.add(nextTsn, -1), now);
        if (!result.accepted()) {
            return false;
        }
        if (result.rttNanos() >= 0) {
            rto.onMeasurement(result.rttNanos());
        }
        if (retransmissions.isEmpty()) {
            timers.stop(Timer.T3_RTX); // §6.3.2 R2
        } else if (result.cumulativeAdvanced()) {
            timers.start(Timer.T3_RTX, rto.rtoNanos()); // §6.3.2 R3
        }
        if (forwardTsnAllowed && retransmissions.forwardTsn() != null) {
            forwardTsnDue = true;
        }
        return result.cumulativeAdvanced();
    }

    /** §6.3.3: after rto back-off by the caller. */
    void onRetransmissionTimeout() {
        counters.increment(SctpCounter.T3_EXPIRATIONS);
        retransmissions.onRetransmissionTimeout(scheduler.nanoTime());
        if (forwardTsnAllowed && retransmissions.forwardTsn() != null) {
            forwardTsnDue = true; // RFC 3758 §3.5 F2: retransmit the FORWARD TSN too
        }
        timers.start(Timer.T3_RTX, rto.rtoNanos());
    }

    /** Writes FORWARD TSN, retransmissions and new DATA into {@code packets}, within the windows. */
    void writeData(PacketBuilder packets) {
        long now = scheduler.nanoTime();
        if (forwardTsnDue) {
            forwardTsnDue = false;
            Chunk forward = retransmissions.forwardTsn();
            if (forward != null) {
                packets.add(forward);
                counters.increment(SctpCounter.FORWARD_TSN_SENT);
                timers.startIfStopped(Timer.T3_RTX, rto.rtoNanos());
            }
        }
        if (retransmissions.hasRetransmissions()) {
            writeRetransmissions(packets, now);
        }
        writeNewData(packets, now);
    }

    private void writeRetransmissions(PacketBuilder packets, long now) {
        int bypassBudget = maxPacketBytes; // §7.2.4 step 3: one packet of fast retransmissions ignores cwnd
        OutboundChunk first = null;
        for (OutboundChunk chunk : retransmissions.chunks()) {
            if (first == null && chunk.state != State.ABANDONED) {
                first = chunk;
            }
            if (chunk.state != State.TO_RETRANSMIT) {
                continue;
            }
            boolean bypass = chunk.fastRetransmitPending && bypassBudget >= chunk.encodedLength();
            if (!bypass && !congestion.cwndAllows(retransmissions.flightBytes())) {
                break;
            }
            if (bypass) {
                bypassBudget -= chunk.encodedLength();
            }
            packets.add(chunk);
            retransmissions.retransmitted(chunk, now);
            if (chunk == first) {
                timers.start(Timer.T3_RTX, rto.rtoNanos()); // §6.3.2 R4: the earliest outstanding went again
            }
        }
    }

    private void writeNewData(PacketBuilder packets, long now) {
        int length;
        while ((length = queue.peekFragmentLength(now, abandoner, outboundStreams)) >= 0) {
            long flight = retransmissions.flightBytes();
            if (!congestion.cwndAllows(flight) || !congestion.rwndAllows(flight, length)
                    || retransmissions.hasRetransmissions()) {
                return; // §6.1: retransmissions first, and never past either window
            }
            OutboundChunk chunk = queue.nextFragment(nextTsn);
            nextTsn = Tsn.add(nextTsn, 1);
            packets.add(chunk);
            retransmissions.sent(chunk, now);
            timers.startIfStopped(Timer.T3_RTX, rto.rtoNanos());
            lastDataSentNanos = now;
        }
    }

    private void abandonUnsent(OutboundMessage message) {
        retransmissions.abandon(message);
        if (forwardTsnAllowed && retransmissions.forwardTsn() != null) {
            forwardTsnDue = true;
        }
    }

    /** A message whose lifetime ran out while fragments are still queued is given up (RFC 3758 §3.5 A1). */
    boolean allSent() {
        return queue.isEmpty() && retransmissions.isEmpty();
    }

    boolean hasOutstanding() {
        return !retransmissions.isEmpty();
    }

    long lastAssignedTsn() {
        return Tsn.add(nextTsn, -1);
    }

    long lastDataSentNanos() {
        return lastDataSentNanos;
    }

    long cwnd() {
        return congestion.cwnd();
    }

    long flightBytes() {
        return retransmissions.flightBytes();
    }

    long peerRwnd() {
        return congestion.peerRwnd();
    }

    void releaseAll() {
        retransmissions.releaseAll();
        queue.abandonAll(retransmissions::abandon);
    }
}
