package dev.osprey.sctp;

import dev.osprey.sctp.AssociationTimers.Timer;
import dev.osprey.sctp.chunk.AbortChunk;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.HeartbeatChunk;
import dev.osprey.sctp.chunk.OpaqueValue;
import dev.osprey.sctp.chunk.ShutdownAckChunk;
import dev.osprey.sctp.chunk.ShutdownChunk;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * What happens when an association timer expires (RFC 9260 §5.1 T1, §6.3.3 T3-rtx, §8.3 heartbeat, §9.2 T2; RFC
 * 6525 §5.1.1), and the error counting of §8.1 that ends an association whose peer stopped answering.
 */
final class TimeoutHandler {
    private final SctpAssociation a;

    TimeoutHandler(SctpAssociation association) {
        this.a = association;
    }

        void onTimer(Timer timer) {
        if (a.terminated) {
            return;
        }
        a.depth++;
        try {
            switch (timer) {
                case T1_INIT -> retransmitHandshake(AssociationState.COOKIE_WAIT, a.handshake.sentInit(), 0);
                case T1_COOKIE -> retransmitHandshake(AssociationState.COOKIE_ECHOED, a.handshake.sentCookieEcho(),
                        a.pendingParams == null ? 0 : a.pendingParams.peerTag());
                case T2_SHUTDOWN -> onShutdownTimer();
                case T3_RTX -> onRetransmissionTimer();
                case DELAYED_SACK -> {
                    if (a.receiver != null) {
                        a.receiver.requestSack();
                    }
                }
                case HEARTBEAT -> onHeartbeatTimer();
                case RECONFIG -> {
                    if (a.resetter != null) {
                        a.resetter.onTimer();
                    }
                }
            }
        } finally {
            a.depth--;
        }
        a.flush();
    }

    private void retransmitHandshake(AssociationState expected, Chunk chunk, long tag) {
        if (a.state != expected) {
            return;
        }
        if (++a.handshakeRetransmits > a.settings.maxInitRetransmits()) {
            a.close(new CloseReason(CloseReason.Kind.TIMEOUT, expected + " not answered"));
            return;
        }
        a.rto.backOff();
        a.packets.sendAlone(chunk, tag);
        a.timers.start(expected == AssociationState.COOKIE_WAIT ? Timer.T1_INIT : Timer.T1_COOKIE, a.rto.rtoNanos());
    }

    private void onShutdownTimer() {
        if (!countError("SHUTDOWN not answered")) {
            return;
        }
        a.rto.backOff();
        a.control.add(a.state == AssociationState.SHUTDOWN_SENT ? new ShutdownChunk(a.receiver.cumulativeTsn())
                : new ShutdownAckChunk());
        a.timers.start(Timer.T2_SHUTDOWN, a.rto.rtoNanos());
    }

    private void onRetransmissionTimer() {
        if (a.sender == null || !a.sender.hasOutstanding()) {
            return;
        }
        if (!countError("retransmissions not acknowledged")) {
            return;
        }
        a.rto.backOff(); // §6.3.3 E2
        a.sender.onRetransmissionTimeout();
    }

    private void onHeartbeatTimer() {
        if (a.state != AssociationState.ESTABLISHED) {
            return;
        }
        long idleNanos = a.scheduler.nanoTime() - a.sender.lastDataSentNanos();
        long intervalNanos = a.settings.heartbeatIntervalMillis() * 1_000_000;
        if (a.sender.lastDataSentNanos() != 0 && idleNanos < intervalNanos) {
            // §8.3: only idle paths are probed; while DATA flows, T3-rtx watches the peer
            a.heartbeatOutstanding = false;
            a.timers.start(Timer.HEARTBEAT, intervalNanos - idleNanos + a.rto.rtoNanos());
            return;
        }
        if (a.heartbeatOutstanding) {
            if (!countError("heartbeats not answered")) {
                return;
            }
            a.rto.backOff();
        }
        a.heartbeatNonce = a.endpoint.nextNonZeroTag() << 32 | a.endpoint.nextNonZeroTag();
        a.heartbeatOutstanding = true;
        byte[] info = ByteBuffer.allocate(16).putLong(a.scheduler.nanoTime()).putLong(a.heartbeatNonce).array();
        a.control.add(new HeartbeatChunk(false, OpaqueValue.of(info)));
        a.counters.increment(SctpCounter.HEARTBEATS_SENT);
        a.timers.start(Timer.HEARTBEAT, heartbeatDelayNanos());
    }

    /** §8.3: HB.interval plus the current RTO. */
    long heartbeatDelayNanos() {
        return a.settings.heartbeatIntervalMillis() * 1_000_000 + a.rto.rtoNanos();
    }

    /** §8.1: counts one unanswered transmission; past the limit the association is aborted. */
    private boolean countError(String what) {
        if (++a.errorCount > a.settings.maxAssociationRetransmits()) {
            long tag = a.peerTag();
            if (tag != 0) {
                a.packets.sendAlone(new AbortChunk(false, List.of()), tag);
            }
            a.close(new CloseReason(CloseReason.Kind.TIMEOUT, what));
            return false;
        }
        return true;
    }
}
