package dev.osprey.sctp;

import dev.osprey.sctp.AssociationTimers.Timer;
import dev.osprey.sctp.chunk.AbortChunk;
import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.CookieAckChunk;
import dev.osprey.sctp.chunk.CookieEchoChunk;
import dev.osprey.sctp.chunk.DataChunk;
import dev.osprey.sctp.chunk.ErrorCause;
import dev.osprey.sctp.chunk.ErrorChunk;
import dev.osprey.sctp.chunk.ForwardTsnChunk;
import dev.osprey.sctp.chunk.HeartbeatChunk;
import dev.osprey.sctp.chunk.IDataChunk;
import dev.osprey.sctp.chunk.IForwardTsnChunk;
import dev.osprey.sctp.chunk.InitChunk;
import dev.osprey.sctp.chunk.OpaqueValue;
import dev.osprey.sctp.chunk.ReConfigChunk;
import dev.osprey.sctp.chunk.SackChunk;
import dev.osprey.sctp.chunk.SctpPacket;
import dev.osprey.sctp.chunk.ShutdownAckChunk;
import dev.osprey.sctp.chunk.ShutdownChunk;
import dev.osprey.sctp.chunk.ShutdownCompleteChunk;
import dev.osprey.sctp.chunk.UnknownChunk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Processes the chunks of a received packet for its association (RFC 9260 §6.10 order, §8.5 verification tags):
 * the handshake chunks, DATA, SACK, FORWARD TSN, RE-CONFIG, heartbeats, the shutdown sequence, errors and unknown
 * chunk types by their high bits. It works on the association's own state; the association decides what to send.
 */
final class ChunkDispatcher {
    private final SctpAssociation a;

    ChunkDispatcher(SctpAssociation association) {
        this.a = association;
    }

    void process(SctpPacket packet) {
        List<Chunk> chunks = packet.chunks();
        if (chunks.getFirst() instanceof InitChunk init && !init.ack()) {
            // §6.10: INIT is alone in its packet; §8.5.1: with tag 0
            if (chunks.size() != 1 || packet.verificationTag() != 0) {
                a.counters.increment(SctpCounter.MALFORMED);
                return;
            }
            onInit(init);
            return;
        }
        if (!tagAccepted(packet)) {
            a.counters.increment(SctpCounter.BAD_VERIFICATION_TAG);
            return;
        }
        boolean data = false;
        for (Chunk chunk : chunks) {
            if (a.terminated || !dispatch(chunk, packet.verificationTag())) {
                break;
            }
            data |= chunk instanceof DataChunk || chunk instanceof IDataChunk;
        }
        if (data && a.receiver != null) {
            afterDataPacket();
        }
    }

    /** §8.5.1: which verification tag a packet must carry. */
    private boolean tagAccepted(SctpPacket packet) {
        long tag = packet.verificationTag();
        for (Chunk chunk : packet.chunks()) {
            boolean reflected = chunk instanceof AbortChunk abort ? abort.tagReflected()
                    : chunk instanceof ShutdownCompleteChunk s && s.tagReflected();
            if (chunk instanceof AbortChunk || chunk instanceof ShutdownCompleteChunk) {
                return reflected ? tag == a.peerTag() && tag != 0 : tag == a.localTag() && tag != 0;
            }
        }
        if (packet.chunks().getFirst() instanceof CookieEchoChunk) {
            return true; // checked against the tag inside the cookie
        }
        return tag != 0 && tag == a.localTag();
    }

    /** Returns false when the rest of the packet must not be processed. */
    private boolean dispatch(Chunk chunk, long packetTag) {
        switch (chunk) {
            case DataChunk d -> {
                return onData(d, d.streamId(), d.userData().readableBytes());
            }
            case IDataChunk d -> {
                return onData(d, d.streamId(), d.userData().readableBytes());
            }
            case InitChunk i -> onInitAck(i);
            case SackChunk s -> onSack(s);
            case HeartbeatChunk h -> onHeartbeat(h);
            case AbortChunk abort -> {
                a.counters.increment(SctpCounter.ASSOCIATIONS_ABORTED);
                a.close(new CloseReason(CloseReason.Kind.PEER_ABORT, "peer sent ABORT " + abort.causes()));
                return false;
            }
            case ShutdownChunk s -> onShutdown(s);
            case ShutdownAckChunk s -> onShutdownAck();
            case ShutdownCompleteChunk s -> onShutdownComplete();
            case ErrorChunk e -> onError(e);
            case CookieEchoChunk c -> onCookieEcho(c, packetTag);
            case CookieAckChunk c -> onCookieAck();
            case ForwardTsnChunk f -> onForwardTsn(f);
            case IForwardTsnChunk f -> onIForwardTsn(f);
            case ReConfigChunk r -> onReConfig(r);
            case UnknownChunk u -> {
                return onUnknown(u);
            }
        }
        return true;
    }

    private void onInit(InitChunk init) {
        if (!Handshake.valid(init)) {
            a.counters.increment(SctpCounter.MALFORMED);
            return;
        }
        if (a.state.shuttingDown()) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        Handshake.InitAnswer answer = a.handshake.answer(init, a.state, a.params);
        a.packets.sendAlone(answer.initAck(), answer.packetTag());
    }

    private void onInitAck(InitChunk initAck) {
        if (!initAck.ack() || a.state != AssociationState.COOKIE_WAIT || !Handshake.valid(initAck)
                || initAck.stateCookie().isEmpty()) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        a.pendingParams = a.handshake.onInitAck(initAck);
        a.state = AssociationState.COOKIE_ECHOED;
        a.timers.stop(Timer.T1_INIT);
        a.handshakeRetransmits = 0;
        a.packets.sendAlone(a.handshake.sentCookieEcho(), a.pendingParams.peerTag());
        a.timers.start(Timer.T1_COOKIE, a.rto.rtoNanos());
    }

    private void onCookieEcho(CookieEchoChunk echo, long packetTag) {
        Handshake.CookieResult result = a.handshake.onCookieEcho(echo, packetTag, a.state, a.params, a.counters);
        if (result.error() != null && result.parameters() != null) {
            a.packets.sendAlone(new ErrorChunk(List.of(result.error())), result.parameters().peerTag());
        }
        switch (result.action()) {
            case ESTABLISH -> {
                a.establish(result.parameters());
                a.control.add(new CookieAckChunk());
            }
            case ACK_ONLY -> a.control.add(new CookieAckChunk());
            case DISCARD -> { }
        }
    }

    private void onCookieAck() {
        if (a.state != AssociationState.COOKIE_ECHOED) {
            return; // §5.2.5: a COOKIE ACK in any other a.state is discarded
        }
        a.establish(a.pendingParams);
    }


    /** DATA, or I-DATA when interleaving was agreed (RFC 8260 §2.2: the other kind ends the association). */
    private boolean onData(Chunk chunk, int streamId, int dataLength) {
        if (a.receiver == null || !a.state.acceptsData()) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return true;
        }
        boolean interleaved = chunk instanceof IDataChunk;
        if (interleaved != a.receiver.interleaving() || dataLength == 0) {
            // §6.2: DATA without user data, or the kind of DATA not agreed on, is a protocol violation
            int cause = dataLength == 0 ? ErrorCause.NO_USER_DATA : ErrorCause.PROTOCOL_VIOLATION;
            a.packets.sendAlone(new AbortChunk(false, List.of(ErrorCause.of(cause))), a.peerTag());
            a.close(new CloseReason(CloseReason.Kind.LOCAL_ABORT, dataLength == 0 ? "DATA chunk without user data"
                    : chunk.type() + " not negotiated"));
            return false;
        }
        DataReceiver.Verdict verdict = interleaved ? a.receiver.onIData((IDataChunk) chunk)
                : a.receiver.onData((DataChunk) chunk);
        if (verdict == DataReceiver.Verdict.INVALID_STREAM) {
            byte[] stream = {(byte) (streamId >> 8), (byte) streamId, 0, 0};
            a.control.add(new ErrorChunk(List.of(new ErrorCause(ErrorCause.INVALID_STREAM_IDENTIFIER,
                    OpaqueValue.of(stream)))));
        }
        return true;
    }

    private void afterDataPacket() {
        a.receiver.onDataPacket();
        a.resetter.onCumulativeTsnAdvanced();
        if (a.state == AssociationState.SHUTDOWN_SENT) {
            a.control.add(new ShutdownChunk(a.receiver.cumulativeTsn())); // §9.2: answer DATA with SHUTDOWN
            a.timers.start(Timer.T2_SHUTDOWN, a.rto.rtoNanos());
            a.receiver.requestSack();
        } else if (!a.receiver.sackDue()) {
            a.timers.startIfStopped(Timer.DELAYED_SACK, a.settings.sackDelayMillis() * 1_000_000);
        }
    }


    private void onSack(SackChunk sack) {
        if (a.sender == null || !a.state.acceptsData() && a.state != AssociationState.SHUTDOWN_RECEIVED) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (a.sender.onSack(sack)) {
            a.errorCount = 0;
        }
        a.advanceShutdown();
    }

    private void onForwardTsn(ForwardTsnChunk forward) {
        if (a.receiver == null || !a.state.acceptsData() || a.receiver.interleaving()) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (a.receiver.onForwardTsn(forward)) {
            a.resetter.onCumulativeTsnAdvanced();
        }
    }

    private void onIForwardTsn(IForwardTsnChunk forward) {
        if (a.receiver == null || !a.state.acceptsData() || !a.receiver.interleaving()) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (a.receiver.onIForwardTsn(forward)) {
            a.resetter.onCumulativeTsnAdvanced();
        }
    }

    private void onReConfig(ReConfigChunk chunk) {
        if (a.resetter == null) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        a.resetter.onReConfig(chunk);
    }

    private void onHeartbeat(HeartbeatChunk heartbeat) {
        if (!heartbeat.ack()) {
            a.control.add(new HeartbeatChunk(true, heartbeat.info())); // §8.3: echo the info unchanged
            return;
        }
        byte[] info = heartbeat.info().toByteArray();
        ByteBuffer fields = ByteBuffer.wrap(info);
        if (!a.heartbeatOutstanding || info.length != 16 || fields.getLong(8) != a.heartbeatNonce) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        a.heartbeatOutstanding = false;
        a.errorCount = 0;
        a.rto.onMeasurement(a.scheduler.nanoTime() - fields.getLong(0));
    }

    private void onShutdown(ShutdownChunk shutdown) {
        if (a.sender == null || !a.state.acceptsData() && a.state != AssociationState.SHUTDOWN_RECEIVED) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        // §9.2: the cumulative TSN ack of SHUTDOWN acknowledges like a SACK without gaps
        a.sender.onSack(new SackChunk(shutdown.cumulativeTsnAck(), a.sender.peerRwnd() + a.sender.flightBytes(),
                new int[0], new long[0]));
        if (a.state == AssociationState.SHUTDOWN_SENT) {
            a.state = AssociationState.SHUTDOWN_ACK_SENT;
            a.timers.stop(Timer.T2_SHUTDOWN);
            a.control.add(new ShutdownAckChunk());
            a.timers.start(Timer.T2_SHUTDOWN, a.rto.rtoNanos());
            return;
        }
        a.state = AssociationState.SHUTDOWN_RECEIVED;
        a.advanceShutdown();
    }

    private void onShutdownAck() {
        if (a.state != AssociationState.SHUTDOWN_SENT && a.state != AssociationState.SHUTDOWN_ACK_SENT) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        a.packets.sendAlone(new ShutdownCompleteChunk(false), a.peerTag());
        a.close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
    }

    private void onShutdownComplete() {
        if (a.state != AssociationState.SHUTDOWN_ACK_SENT) {
            a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        a.close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
    }


    private void onError(ErrorChunk error) {
        a.counters.increment(SctpCounter.UNEXPECTED_CHUNK);
        boolean stale = error.causes().stream().anyMatch(c -> c.code() == ErrorCause.STALE_COOKIE);
        if (stale && a.state == AssociationState.COOKIE_ECHOED) {
            // §5.2.6: our cookie went stale on the way; start over with a fresh INIT
            a.state = AssociationState.COOKIE_WAIT;
            a.timers.stop(Timer.T1_COOKIE);
            a.packets.sendAlone(a.handshake.init(), 0);
            a.timers.start(Timer.T1_INIT, a.rto.rtoNanos());
        }
    }

    /** §3.2: the two high bits of the type decide. */
    private boolean onUnknown(UnknownChunk chunk) {
        a.counters.increment(SctpCounter.UNKNOWN_CHUNK);
        if (chunk.type().action().reports() && a.peerTag() != 0) {
            ByteBuf copy = Unpooled.buffer(chunk.paddedLength());
            try {
                chunk.encode(copy);
                a.control.add(new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE,
                        OpaqueValue.copyOf(copy, 0, chunk.length())))));
            } finally {
                copy.release();
            }
        }
        return !chunk.type().action().stops();
    }
}
