package dev.osprey.sctp;

import dev.osprey.sctp.chunk.ReConfigChunk;
import dev.osprey.sctp.chunk.ReConfigParameter;
import dev.osprey.sctp.chunk.ReConfigParameter.IncomingSsnResetRequest;
import dev.osprey.sctp.chunk.ReConfigParameter.OtherReConfigParameter;
import dev.osprey.sctp.chunk.ReConfigParameter.OutgoingSsnResetRequest;
import dev.osprey.sctp.chunk.ReConfigParameter.ReConfigResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stream reconfiguration (RFC 6525), the part data channels need (RFC 8831 §6.7): outgoing SSN reset requests for
 * streams we close, and the peer's requests for streams it closes, including deferred processing while DATA up to the
 * peer's last assigned TSN is still missing. One request of ours is in flight at a time (§5.1.1).
 */
final class StreamResetter {

    /** What the resetter needs from the association. */
    interface Host {
        boolean hasQueued(int streamId);

        long lastAssignedTsn();

        long cumulativeReceivedTsn();

        void outgoingStreamsReset(List<Integer> streams);

        void incomingStreamsReset(List<Integer> streams);
    }

    private final Host host;
    private final SctpCounters counters;
    private final Set<Integer> pending = new LinkedHashSet<>();
    private final ArrayDeque<ReConfigParameter> responses = new ArrayDeque<>();
    private OutgoingSsnResetRequest inFlight;
    private boolean resendInFlight;
    private long nextRequestSeq;
    private long peerNextRequestSeq;
    private long lastResult = ReConfigResponse.ERROR_BAD_SEQUENCE_NUMBER;
    private OutgoingSsnResetRequest deferred;

    StreamResetter(Host host, SctpCounters counters, long localInitialTsn, long peerInitialTsn) {
        this.host = host;
        this.counters = counters;
        this.nextRequestSeq = localInitialTsn; // §5.1.1: request sequence numbers start at the initial TSN
        this.peerNextRequestSeq = peerInitialTsn;
    }

    /** Asks for our outgoing stream to be reset once its queued messages have TSNs. */
    void request(int streamId) {
        pending.add(streamId);
    }

    boolean requestInFlight() {
        return inFlight != null;
    }

    /** The next RE-CONFIG to send (a response and/or our request), or null. Call until null. */
    ReConfigChunk poll() {
        if (responses.isEmpty() && pending.isEmpty() && !resendInFlight) {
            return null; // nothing to say: the usual case on every flush
        }
        List<ReConfigParameter> params = new ArrayList<>(2);
        if (!responses.isEmpty()) {
            params.add(responses.poll());
        }
        OutgoingSsnResetRequest request = nextRequest();
        if (request != null) {
            params.add(request);
        }
        return params.isEmpty() ? null : new ReConfigChunk(params);
    }

    private OutgoingSsnResetRequest nextRequest() {
        if (inFlight != null) {
            if (!resendInFlight) {
                return null;
            }
            resendInFlight = false;
            return inFlight;
        }
        List<Integer> ready = new ArrayList<>();
        for (int stream : pending) {
            if (!host.hasQueued(stream)) {
                ready.add(stream);
            }
        }
        if (ready.isEmpty()) {
            return null;
        }
        pending.removeAll(ready);
        inFlight = new OutgoingSsnResetRequest(nextRequestSeq, Tsn.add(peerNextRequestSeq, -1),
                host.lastAssignedTsn(), ready);
        return inFlight;
    }

    /** The reconfiguration timer expired: send the same request again (§5.1.1). */
    void onTimer() {
        resendInFlight = inFlight != null;
    }

    void onReConfig(ReConfigChunk chunk) {
        for (ReConfigParameter p : chunk.parameters()) {
            switch (p) {
                case OutgoingSsnResetRequest r -> onPeerRequest(r);
                case ReConfigResponse r -> onResponse(r);
                case IncomingSsnResetRequest r -> deny(r.requestSeq());
                case OtherReConfigParameter r -> {
                    if (r.requestSeqOrMinusOne() >= 0) {
                        deny(r.requestSeqOrMinusOne());
                    }
                }
            }
        }
    }

    /** §5.2.2: the peer will not send on these streams any more; reset our incoming side when all data is in. */
    private void onPeerRequest(OutgoingSsnResetRequest r) {
        if (r.requestSeq() == Tsn.add(peerNextRequestSeq, -1)) {
            responses.add(ReConfigResponse.of(r.requestSeq(), lastResult)); // a retransmission: same answer
            return;
        }
        if (r.requestSeq() != peerNextRequestSeq) {
            responses.add(ReConfigResponse.of(r.requestSeq(), ReConfigResponse.ERROR_BAD_SEQUENCE_NUMBER));
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (Tsn.lessOrEqual(r.lastAssignedTsn(), host.cumulativeReceivedTsn())) {
            perform(r);
        } else {
            deferred = r; // §5.2.2 E2: data still missing; the peer retries, or we answer once it is in
            responses.add(ReConfigResponse.of(r.requestSeq(), ReConfigResponse.IN_PROGRESS));
        }
    }

    /** Call after the cumulative received TSN advanced. */
    void onCumulativeTsnAdvanced() {
        if (deferred != null && Tsn.lessOrEqual(deferred.lastAssignedTsn(), host.cumulativeReceivedTsn())) {
            OutgoingSsnResetRequest r = deferred;
            perform(r);
        }
    }

    private void perform(OutgoingSsnResetRequest r) {
        deferred = null;
        peerNextRequestSeq = Tsn.add(peerNextRequestSeq, 1);
        lastResult = ReConfigResponse.SUCCESS_PERFORMED;
        responses.add(ReConfigResponse.of(r.requestSeq(), lastResult));
        counters.increment(SctpCounter.STREAM_RESETS);
        host.incomingStreamsReset(r.streams());
    }

    private void deny(long requestSeq) {
        if (requestSeq == peerNextRequestSeq) {
            peerNextRequestSeq = Tsn.add(peerNextRequestSeq, 1);
            lastResult = ReConfigResponse.DENIED;
        }
        responses.add(ReConfigResponse.of(requestSeq, ReConfigResponse.DENIED));
    }

    /** §5.2.7: the answer to our request. */
    private void onResponse(ReConfigResponse r) {
        if (inFlight == null || r.responseSeq() != inFlight.requestSeq()) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (r.result() == ReConfigResponse.IN_PROGRESS) {
            return; // the timer sends the request again
        }
        OutgoingSsnResetRequest done = inFlight;
        inFlight = null;
        resendInFlight = false;
        nextRequestSeq = Tsn.add(nextRequestSeq, 1);
        if (r.result() != ReConfigResponse.SUCCESS_PERFORMED && r.result() != ReConfigResponse.SUCCESS_NOTHING_TO_DO) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK); // denied: the streams are closed on our side anyway
        }
        host.outgoingStreamsReset(done.streams());
    }
}
