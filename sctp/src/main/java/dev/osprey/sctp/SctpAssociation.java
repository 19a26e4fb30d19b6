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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One SCTP association over DTLS (RFC 8261, RFC 9260): fed with received packets, writing packets through a
 * {@link PacketSender}, timed by an {@link SctpScheduler}, and reporting to a {@link StreamHandler}. Not
 * thread-safe: every call must come from the association's event loop. Malformed or unexpected input is dropped
 * and counted in the endpoint's {@link SctpStats}; nothing a peer sends makes a method throw.
 */
public final class SctpAssociation {
    private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

    final SctpEndpoint endpoint;
    final SctpSettings settings;
    final SctpScheduler scheduler;
    final StreamHandler handler;
    final SctpCounters counters;
    final PacketBuilder packets;
    final AssociationTimers timers;
    final RtoEstimator rto;
    final Handshake handshake;
    final SendQueue sendQueue;
    final List<Chunk> control = new ArrayList<>();
    private final Set<Integer> resetsBeforeEstablished = new LinkedHashSet<>();
    private final ChunkDispatcher dispatcher = new ChunkDispatcher(this);
    private final TimeoutHandler timeouts = new TimeoutHandler(this);
    AssociationState state = AssociationState.CLOSED;
    boolean terminated;
    AssociationParameters params;
    AssociationParameters pendingParams;
    DataSender sender;
    DataReceiver receiver;
    StreamResetter resetter;
    private long remoteMaxMessageBytes = SctpSettings.DEFAULT_REMOTE_MAX_MESSAGE_BYTES;
    private long sendBufferedBytes;
    int handshakeRetransmits;
    int errorCount;
    long heartbeatNonce;
    boolean heartbeatOutstanding;
    int depth;

    public SctpAssociation(SctpEndpoint endpoint, PacketSender packetSender, SctpScheduler scheduler,
                           StreamHandler handler) {
        this.endpoint = endpoint;
        this.settings = endpoint.settings();
        this.scheduler = scheduler;
        this.handler = handler;
        this.counters = endpoint.counters();
        this.packets = new PacketBuilder(endpoint.allocator(), packetSender, counters, settings);
        this.timers = new AssociationTimers(scheduler, timer -> timeouts.onTimer(timer));
        this.rto = new RtoEstimator(settings);
        this.handshake = new Handshake(endpoint, scheduler);
        this.sendQueue = new SendQueue(settings.maxFragmentBytes());
    }

    /** RFC 9260 §5.1 A: sends INIT. WebRTC peers both do this; the crossing INITs resolve per §5.2.1. */
    public void connect() {
        if (state != AssociationState.CLOSED || terminated) {
            return;
        }
        state = AssociationState.COOKIE_WAIT;
        packets.sendAlone(handshake.init(), 0);
        timers.start(Timer.T1_INIT, rto.rtoNanos());
    }

    /** Processes one received packet (one DTLS record); takes ownership of {@code packet} and releases it. */
    public void handlePacket(ByteBuf packet) {
        depth++;
        try {
            counters.increment(SctpCounter.PACKETS_RECEIVED);
            if (!SctpPacket.checksumMatches(packet)) {
                counters.increment(SctpCounter.BAD_CHECKSUM);
                return;
            }
            SctpPacket decoded;
            try {
                decoded = SctpPacket.decode(packet);
            } catch (SctpParseException e) {
                counters.increment(e.reason() == SctpParseException.Reason.LENGTH_PAST_END
                        ? SctpCounter.LENGTH_PAST_END : SctpCounter.MALFORMED);
                return;
            }
            if (decoded.destinationPort() != settings.localPort() || decoded.sourcePort() != settings.remotePort()) {
                counters.increment(SctpCounter.BAD_PORT);
                return;
            }
            dispatcher.process(decoded);
        } finally {
            packet.release();
            depth--;
        }
        flush();
    }

    /**
     * Queues a message. Takes ownership of {@code data} (released when acknowledged, abandoned or refused). Messages
     * sent before the association is established wait for it.
     */
    public SendResult send(int streamId, long ppid, ByteBuf data, SendOptions options) {
        int length = data.readableBytes();
        SendResult verdict = admit(streamId, length);
        if (verdict != SendResult.QUEUED) {
            data.release();
            return verdict;
        }
        long expiry = options.lifetimeMillis() < 0 ? OutboundMessage.NO_EXPIRY
                : scheduler.nanoTime() + options.lifetimeMillis() * 1_000_000;
        sendQueue.add(new OutboundMessage(streamId, ppid, options.unordered(), options.maxRetransmits(), expiry,
                data));
        sendBufferedBytes += length;
        flush();
        return SendResult.QUEUED;
    }

    private SendResult admit(int streamId, int length) {
        if (terminated || state.shuttingDown()) {
            return SendResult.NOT_OPEN;
        }
        if (length == 0 || streamId < 0 || streamId > 0xFFFF
                || (params != null && streamId >= params.outboundStreams())) {
            return SendResult.INVALID;
        }
        if (length > remoteMaxMessageBytes) {
            return SendResult.TOO_LARGE;
        }
        if (sendBufferedBytes + length > settings.sendBufferBytes()) {
            counters.increment(SctpCounter.SEND_BUFFER_FULL);
            return SendResult.BUFFER_FULL;
        }
        return SendResult.QUEUED;
    }

    /** RFC 6525 §5.1.2: resets our outgoing side of the stream once its queued messages are sent. */
    public void resetStream(int streamId) {
        if (terminated) {
            return;
        }
        if (params == null) {
            resetsBeforeEstablished.add(streamId); // requested once the association is up
        } else if (params.peerReconfig()) {
            resetter.request(streamId);
            flush();
        } else {
            handler.onOutgoingStreamsReset(List.of(streamId)); // the peer cannot reset: just stop using it
        }
    }

    /** RFC 9260 §9.2: graceful close after all queued data is acknowledged. */
    public void shutdown() {
        if (state == AssociationState.ESTABLISHED) {
            state = AssociationState.SHUTDOWN_PENDING;
            advanceShutdown();
            flush();
        } else if (!state.shuttingDown()) {
            abort("shutdown before the association was established");
        }
    }

    /** RFC 9260 §9.1: sends ABORT (if there is a peer to tell) and closes at once. */
    public void abort(String reason) {
        if (terminated) {
            return;
        }
        long peerTag = peerTag();
        if (peerTag != 0) {
            byte[] detail = reason.getBytes(StandardCharsets.UTF_8);
            ErrorCause cause = new ErrorCause(ErrorCause.USER_INITIATED_ABORT,
                    OpaqueValue.of(Arrays.copyOf(detail, Math.min(detail.length, 128))));
            packets.sendAlone(new AbortChunk(false, List.of(cause)), peerTag);
        }
        close(new CloseReason(CloseReason.Kind.LOCAL_ABORT, reason));
    }

    /** RFC 8841 §6: the peer's {@code a=max-message-size}; 0 means no limit. */
    public void setRemoteMaxMessageSize(long bytes) {
        remoteMaxMessageBytes = bytes == 0 ? Long.MAX_VALUE : bytes;
    }

    /**
     * Stops handing messages to the handler: they are kept (and shrink the advertised window) until
     * {@link #resumeReceiving()}, so a slow consumer slows the peer instead of growing our memory.
     */
    public void pauseReceiving() {
        if (receiver != null) {
            receiver.pause();
        }
    }

    public void resumeReceiving() {
        if (receiver != null && receiver.paused()) {
            depth++;
            try {
                receiver.resume();
            } finally {
                depth--;
            }
            flush();
        }
    }

    public AssociationState state() {
        return state;
    }

    /** Whether the association has ended (closed after having been used); a closed one cannot be reopened. */
    public boolean terminated() {
        return terminated;
    }

    /** Negotiated outbound stream count, or 0 before establishment. */
    public int outboundStreams() {
        return params == null ? 0 : params.outboundStreams();
    }

    /** Bytes of messages accepted by {@link #send} and not yet acknowledged or abandoned. */
    public long bufferedBytes() {
        return sendBufferedBytes;
    }

    /** The current retransmission timeout (RFC 9260 §6.3.1), for diagnostics and tests. */
    public long rtoNanos() {
        return rto.rtoNanos();
    }

    /** Congestion window in bytes (0 before establishment). */
    public long congestionWindow() {
        return sender == null ? 0 : sender.cwnd();
    }

    /** The peer's receive window as we last computed it (RFC 9260 §6.2.1). */
    public long peerReceiveWindow() {
        return sender == null ? 0 : sender.peerRwnd();
    }

    void establish(AssociationParameters agreed) {
        params = agreed;
        timers.stop(Timer.T1_INIT);
        timers.stop(Timer.T1_COOKIE);
        sender = new DataSender(agreed, sendQueue, settings, timers, rto, scheduler, counters, this::onMessageDone);
        receiver = new DataReceiver(agreed, settings, counters, endpoint.allocator(), this::deliver);
        resetter = new StreamResetter(new ResetHost(), counters, agreed.localInitialTsn(), agreed.peerInitialTsn());
        state = AssociationState.ESTABLISHED;
        counters.increment(SctpCounter.ASSOCIATIONS_ESTABLISHED);
        timers.start(Timer.HEARTBEAT, timeouts.heartbeatDelayNanos());
        safely(handler::onEstablished);
        List<Integer> early = List.copyOf(resetsBeforeEstablished);
        resetsBeforeEstablished.clear();
        early.forEach(this::resetStream);
    }

    void deliver(int streamId, long ppid, ByteBuf message) {
        try {
            handler.onMessage(streamId, ppid, message);
        } catch (RuntimeException e) {
            LOG.warn("data channel handler failed on a message of stream {}", streamId, e);
        }
    }

    /** §9.2: sends SHUTDOWN or SHUTDOWN ACK once nothing is queued or outstanding. */
    void advanceShutdown() {
        if (sender == null || !sender.allSent()) {
            return;
        }
        if (state == AssociationState.SHUTDOWN_PENDING) {
            state = AssociationState.SHUTDOWN_SENT;
            control.add(new ShutdownChunk(receiver.cumulativeTsn()));
            timers.start(Timer.T2_SHUTDOWN, rto.rtoNanos());
        } else if (state == AssociationState.SHUTDOWN_RECEIVED) {
            state = AssociationState.SHUTDOWN_ACK_SENT;
            control.add(new ShutdownAckChunk());
            timers.start(Timer.T2_SHUTDOWN, rto.rtoNanos());
        }
    }

    // ---------------------------------------------------------------- outbound

    void flush() {
        if (depth > 0 || terminated) {
            return;
        }
        long peerTag = peerTag();
        if (peerTag == 0) {
            control.clear();
            return;
        }
        packets.begin(peerTag);
        for (Chunk chunk : control) {
            packets.add(chunk);
        }
        control.clear();
        if (receiver != null && (receiver.sackDue() || (receiver.sackPending()
                && !timers.isRunning(Timer.DELAYED_SACK)))) {
            packets.add(receiver.takeSack());
            timers.stop(Timer.DELAYED_SACK);
        }
        if (sender != null && (state == AssociationState.ESTABLISHED || state == AssociationState.SHUTDOWN_PENDING
                || state == AssociationState.SHUTDOWN_RECEIVED)) {
            for (ReConfigChunk reconfig = resetter.poll(); reconfig != null; reconfig = resetter.poll()) {
                packets.add(reconfig);
                timers.start(Timer.RECONFIG, rto.rtoNanos());
            }
            sender.writeData(packets);
        }
        packets.finish();
        if (resetter == null || !resetter.requestInFlight()) {
            timers.stop(Timer.RECONFIG);
        }
    }

    void onMessageDone(OutboundMessage message) {
        sendBufferedBytes -= message.length;
        safely(() -> handler.onSendBufferReleased(message.streamId, message.ppid, message.length));
    }

    // ---------------------------------------------------------------- helpers

    long localTag() {
        if (params != null) {
            return params.localTag();
        }
        return state == AssociationState.CLOSED ? 0 : handshake.localTag();
    }

    long peerTag() {
        if (params != null) {
            return params.peerTag();
        }
        return pendingParams == null ? 0 : pendingParams.peerTag();
    }

    void close(CloseReason reason) {
        if (terminated) {
            return;
        }
        terminated = true;
        state = AssociationState.CLOSED;
        timers.stopAll();
        control.clear();
        if (sender != null) {
            sender.releaseAll();
        } else {
            sendQueue.abandonAll(m -> {
                if (m.abandon()) {
                    onMessageDone(m);
                }
            });
        }
        if (receiver != null) {
            receiver.releaseAll();
        }
        LOG.debug("SCTP association closed: {} ({})", reason.kind(), reason.detail());
        safely(() -> handler.onClosed(reason));
    }

    static void safely(Runnable upcall) {
        try {
            upcall.run();
        } catch (RuntimeException e) {
            LOG.warn("data channel handler failed", e);
        }
    }

    /** The association's view for the stream resetter. */
    private final class ResetHost implements StreamResetter.Host {
        @Override
        public boolean hasQueued(int streamId) {
            return sendQueue.hasQueued(streamId);
        }

        @Override
        public long lastAssignedTsn() {
            return sender.lastAssignedTsn();
        }

        @Override
        public long cumulativeReceivedTsn() {
            return receiver.cumulativeTsn();
        }

        @Override
        public void outgoingStreamsReset(List<Integer> streams) {
            streams.forEach(sendQueue::resetSsn);
            safely(() -> handler.onOutgoingStreamsReset(streams));
        }

        @Override
        public void incomingStreamsReset(List<Integer> streams) {
            receiver.resetStreams(streams);
            safely(() -> handler.onIncomingStreamsReset(streams));
        }
    }
}
