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
import java.util.List;

/**
 * One SCTP association over DTLS (RFC 8261, RFC 9260): fed with received packets, writing packets through a
 * {@link PacketSender}, timed by an {@link SctpScheduler}, and reporting to a {@link StreamHandler}. Not
 * thread-safe: every call must come from the association's event loop. Malformed or unexpected input is dropped
 * and counted in the endpoint's {@link SctpStats}; nothing a peer sends makes a method throw.
 */
public final class SctpAssociation {
    private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

    private final SctpEndpoint endpoint;
    private final SctpSettings settings;
    private final SctpScheduler scheduler;
    private final StreamHandler handler;
    private final SctpCounters counters;
    private final PacketBuilder packets;
    private final AssociationTimers timers;
    private final RtoEstimator rto;
    private final Handshake handshake;
    private final SendQueue sendQueue;
    private final List<Chunk> control = new ArrayList<>();
    private AssociationState state = AssociationState.CLOSED;
    private boolean terminated;
    private AssociationParameters params;
    private AssociationParameters pendingParams;
    private DataSender sender;
    private DataReceiver receiver;
    private StreamResetter resetter;
    private long remoteMaxMessageBytes = SctpSettings.DEFAULT_REMOTE_MAX_MESSAGE_BYTES;
    private long sendBufferedBytes;
    private int handshakeRetransmits;
    private int errorCount;
    private long heartbeatNonce;
    private boolean heartbeatOutstanding;
    private int depth;

    public SctpAssociation(SctpEndpoint endpoint, PacketSender packetSender, SctpScheduler scheduler,
                           StreamHandler handler) {
        this.endpoint = endpoint;
        this.settings = endpoint.settings();
        this.scheduler = scheduler;
        this.handler = handler;
        this.counters = endpoint.counters();
        this.packets = new PacketBuilder(endpoint.allocator(), packetSender, counters, settings);
        this.timers = new AssociationTimers(scheduler, this::onTimer);
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
            process(decoded);
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
        if (resetter != null && !terminated && params.peerReconfig()) {
            resetter.request(streamId);
            flush();
        } else if (!terminated && params != null) {
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
                    OpaqueValue.of(java.util.Arrays.copyOf(detail, Math.min(detail.length, 128))));
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

    // ---------------------------------------------------------------- inbound

    private void process(SctpPacket packet) {
        List<Chunk> chunks = packet.chunks();
        if (chunks.getFirst() instanceof InitChunk init && !init.ack()) {
            // §6.10: INIT is alone in its packet; §8.5.1: with tag 0
            if (chunks.size() != 1 || packet.verificationTag() != 0) {
                counters.increment(SctpCounter.MALFORMED);
                return;
            }
            onInit(init);
            return;
        }
        if (!tagAccepted(packet)) {
            counters.increment(SctpCounter.BAD_VERIFICATION_TAG);
            return;
        }
        boolean data = false;
        for (Chunk chunk : chunks) {
            if (terminated || !dispatch(chunk, packet.verificationTag())) {
                break;
            }
            data |= chunk instanceof DataChunk;
        }
        if (data && receiver != null) {
            afterDataPacket();
        }
    }

    /** §8.5.1: which verification tag a packet must carry. */
    private boolean tagAccepted(SctpPacket packet) {
        long tag = packet.verificationTag();
        for (Chunk chunk : packet.chunks()) {
            boolean reflected = chunk instanceof AbortChunk a ? a.tagReflected()
                    : chunk instanceof ShutdownCompleteChunk s && s.tagReflected();
            if (chunk instanceof AbortChunk || chunk instanceof ShutdownCompleteChunk) {
                return reflected ? tag == peerTag() && tag != 0 : tag == localTag() && tag != 0;
            }
        }
        if (packet.chunks().getFirst() instanceof CookieEchoChunk) {
            return true; // checked against the tag inside the cookie
        }
        return tag != 0 && tag == localTag();
    }

    /** Returns false when the rest of the packet must not be processed. */
    private boolean dispatch(Chunk chunk, long packetTag) {
        switch (chunk) {
            case DataChunk d -> {
                return onData(d);
            }
            case InitChunk i -> onInitAck(i);
            case SackChunk s -> onSack(s);
            case HeartbeatChunk h -> onHeartbeat(h);
            case AbortChunk a -> {
                counters.increment(SctpCounter.ASSOCIATIONS_ABORTED);
                close(new CloseReason(CloseReason.Kind.PEER_ABORT, "peer sent ABORT " + a.causes()));
                return false;
            }
            case ShutdownChunk s -> onShutdown(s);
            case ShutdownAckChunk s -> onShutdownAck();
            case ShutdownCompleteChunk s -> onShutdownComplete();
            case ErrorChunk e -> onError(e);
            case CookieEchoChunk c -> onCookieEcho(c, packetTag);
            case CookieAckChunk c -> onCookieAck();
            case ForwardTsnChunk f -> onForwardTsn(f);
            case ReConfigChunk r -> onReConfig(r);
            case UnknownChunk u -> {
                return onUnknown(u);
            }
        }
        return true;
    }

    private void onInit(InitChunk init) {
        if (!Handshake.valid(init)) {
            counters.increment(SctpCounter.MALFORMED);
            return;
        }
        if (state.shuttingDown()) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        Handshake.InitAnswer answer = handshake.answer(init, state, params);
        packets.sendAlone(answer.initAck(), answer.packetTag());
    }

    private void onInitAck(InitChunk initAck) {
        if (!initAck.ack() || state != AssociationState.COOKIE_WAIT || !Handshake.valid(initAck)
                || initAck.stateCookie().isEmpty()) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        pendingParams = handshake.onInitAck(initAck);
        state = AssociationState.COOKIE_ECHOED;
        timers.stop(Timer.T1_INIT);
        handshakeRetransmits = 0;
        packets.sendAlone(handshake.sentCookieEcho(), pendingParams.peerTag());
        timers.start(Timer.T1_COOKIE, rto.rtoNanos());
    }

    private void onCookieEcho(CookieEchoChunk echo, long packetTag) {
        Handshake.CookieResult result = handshake.onCookieEcho(echo, packetTag, state, params, counters);
        if (result.error() != null && result.parameters() != null) {
            packets.sendAlone(new ErrorChunk(List.of(result.error())), result.parameters().peerTag());
        }
        switch (result.action()) {
            case ESTABLISH -> {
                establish(result.parameters());
                control.add(new CookieAckChunk());
            }
            case ACK_ONLY -> control.add(new CookieAckChunk());
            case DISCARD -> { }
        }
    }

    private void onCookieAck() {
        if (state != AssociationState.COOKIE_ECHOED) {
            return; // §5.2.5: a COOKIE ACK in any other state is discarded
        }
        establish(pendingParams);
    }

    private void establish(AssociationParameters agreed) {
        params = agreed;
        timers.stop(Timer.T1_INIT);
        timers.stop(Timer.T1_COOKIE);
        sender = new DataSender(agreed, sendQueue, settings, timers, rto, scheduler, counters, this::onMessageDone);
        receiver = new DataReceiver(agreed, settings, counters, endpoint.allocator(), this::deliver);
        resetter = new StreamResetter(new ResetHost(), counters, agreed.localInitialTsn(), agreed.peerInitialTsn());
        state = AssociationState.ESTABLISHED;
        counters.increment(SctpCounter.ASSOCIATIONS_ESTABLISHED);
        timers.start(Timer.HEARTBEAT, heartbeatDelayNanos());
        safely(handler::onEstablished);
    }

    private boolean onData(DataChunk data) {
        if (receiver == null || !state.acceptsData()) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return true;
        }
        if (data.userData().readableBytes() == 0) {
            // §6.2: a DATA chunk without user data is a protocol violation that ends the association
            packets.sendAlone(new AbortChunk(false, List.of(ErrorCause.of(ErrorCause.NO_USER_DATA))), peerTag());
            close(new CloseReason(CloseReason.Kind.LOCAL_ABORT, "DATA chunk without user data"));
            return false;
        }
        if (receiver.onData(data) == DataReceiver.Verdict.INVALID_STREAM) {
            byte[] stream = {(byte) (data.streamId() >> 8), (byte) data.streamId(), 0, 0};
            control.add(new ErrorChunk(List.of(new ErrorCause(ErrorCause.INVALID_STREAM_IDENTIFIER,
                    OpaqueValue.of(stream)))));
        }
        return true;
    }

    private void afterDataPacket() {
        receiver.onDataPacket();
        resetter.onCumulativeTsnAdvanced();
        if (state == AssociationState.SHUTDOWN_SENT) {
            control.add(new ShutdownChunk(receiver.cumulativeTsn())); // §9.2: answer DATA with SHUTDOWN
            timers.start(Timer.T2_SHUTDOWN, rto.rtoNanos());
            receiver.requestSack();
        } else if (!receiver.sackDue()) {
            timers.startIfStopped(Timer.DELAYED_SACK, settings.sackDelayMillis() * 1_000_000);
        }
    }

    private void deliver(int streamId, long ppid, ByteBuf message) {
        try {
            handler.onMessage(streamId, ppid, message);
        } catch (RuntimeException e) {
            LOG.warn("data channel handler failed on a message of stream {}", streamId, e);
        }
    }

    private void onSack(SackChunk sack) {
        if (sender == null || !state.acceptsData() && state != AssociationState.SHUTDOWN_RECEIVED) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (sender.onSack(sack)) {
            errorCount = 0;
        }
        advanceShutdown();
    }

    private void onForwardTsn(ForwardTsnChunk forward) {
        if (receiver == null || !state.acceptsData()) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        if (receiver.onForwardTsn(forward)) {
            resetter.onCumulativeTsnAdvanced();
        }
    }

    private void onReConfig(ReConfigChunk chunk) {
        if (resetter == null) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        resetter.onReConfig(chunk);
    }

    private void onHeartbeat(HeartbeatChunk heartbeat) {
        if (!heartbeat.ack()) {
            control.add(new HeartbeatChunk(true, heartbeat.info())); // §8.3: echo the info unchanged
            return;
        }
        byte[] info = heartbeat.info().toByteArray();
        if (!heartbeatOutstanding || info.length != 16 || java.nio.ByteBuffer.wrap(info).getLong(8) != heartbeatNonce) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        heartbeatOutstanding = false;
        errorCount = 0;
        rto.onMeasurement(scheduler.nanoTime() - java.nio.ByteBuffer.wrap(info).getLong(0));
    }

    private void onShutdown(ShutdownChunk shutdown) {
        if (sender == null || !state.acceptsData() && state != AssociationState.SHUTDOWN_RECEIVED) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        // §9.2: the cumulative TSN ack of SHUTDOWN acknowledges like a SACK without gaps
        sender.onSack(new SackChunk(shutdown.cumulativeTsnAck(), sender.peerRwnd() + sender.flightBytes(),
                new int[0], new long[0]));
        if (state == AssociationState.SHUTDOWN_SENT) {
            state = AssociationState.SHUTDOWN_ACK_SENT;
            timers.stop(Timer.T2_SHUTDOWN);
            control.add(new ShutdownAckChunk());
            timers.start(Timer.T2_SHUTDOWN, rto.rtoNanos());
            return;
        }
        state = AssociationState.SHUTDOWN_RECEIVED;
        advanceShutdown();
    }

    private void onShutdownAck() {
        if (state != AssociationState.SHUTDOWN_SENT && state != AssociationState.SHUTDOWN_ACK_SENT) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        packets.sendAlone(new ShutdownCompleteChunk(false), peerTag());
        close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
    }

    private void onShutdownComplete() {
        if (state != AssociationState.SHUTDOWN_ACK_SENT) {
            counters.increment(SctpCounter.UNEXPECTED_CHUNK);
            return;
        }
        close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
    }

    /** §9.2: sends SHUTDOWN or SHUTDOWN ACK once nothing is queued or outstanding. */
    private void advanceShutdown() {
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

    private void onError(ErrorChunk error) {
        counters.increment(SctpCounter.UNEXPECTED_CHUNK);
        boolean stale = error.causes().stream().anyMatch(c -> c.code() == ErrorCause.STALE_COOKIE);
        if (stale && state == AssociationState.COOKIE_ECHOED) {
            // §5.2.6: our cookie went stale on the way; start over with a fresh INIT
            state = AssociationState.COOKIE_WAIT;
            timers.stop(Timer.T1_COOKIE);
            packets.sendAlone(handshake.init(), 0);
            timers.start(Timer.T1_INIT, rto.rtoNanos());
        }
    }

    /** §3.2: the two high bits of the type decide. */
    private boolean onUnknown(UnknownChunk chunk) {
        counters.increment(SctpCounter.UNKNOWN_CHUNK);
        if (chunk.type().action().reports() && peerTag() != 0) {
            ByteBuf copy = Unpooled.buffer(chunk.paddedLength());
            try {
                chunk.encode(copy);
                control.add(new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE,
                        OpaqueValue.copyOf(copy, 0, chunk.length())))));
            } finally {
                copy.release();
            }
        }
        return !chunk.type().action().stops();
    }

    // ---------------------------------------------------------------- outbound

    private void flush() {
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

    private void onMessageDone(OutboundMessage message) {
        sendBufferedBytes -= message.length;
        safely(() -> handler.onSendBufferReleased(message.streamId, message.ppid, message.length));
    }

    // ---------------------------------------------------------------- timers

    private void onTimer(Timer timer) {
        if (terminated) {
            return;
        }
        depth++;
        try {
            switch (timer) {
                case T1_INIT -> retransmitHandshake(AssociationState.COOKIE_WAIT, handshake.sentInit(), 0);
                case T1_COOKIE -> retransmitHandshake(AssociationState.COOKIE_ECHOED, handshake.sentCookieEcho(),
                        pendingParams == null ? 0 : pendingParams.peerTag());
                case T2_SHUTDOWN -> onShutdownTimer();
                case T3_RTX -> onRetransmissionTimer();
                case DELAYED_SACK -> {
                    if (receiver != null) {
                        receiver.requestSack();
                    }
                }
                case HEARTBEAT -> onHeartbeatTimer();
                case RECONFIG -> {
                    if (resetter != null) {
                        resetter.onTimer();
                    }
                }
            }
        } finally {
            depth--;
        }
        flush();
    }

    private void retransmitHandshake(AssociationState expected, Chunk chunk, long tag) {
        if (state != expected) {
            return;
        }
        if (++handshakeRetransmits > settings.maxInitRetransmits()) {
            close(new CloseReason(CloseReason.Kind.TIMEOUT, expected + " not answered"));
            return;
        }
        rto.backOff();
        packets.sendAlone(chunk, tag);
        timers.start(expected == AssociationState.COOKIE_WAIT ? Timer.T1_INIT : Timer.T1_COOKIE, rto.rtoNanos());
    }

    private void onShutdownTimer() {
        if (!countError("SHUTDOWN not answered")) {
            return;
        }
        rto.backOff();
        control.add(state == AssociationState.SHUTDOWN_SENT ? new ShutdownChunk(receiver.cumulativeTsn())
                : new ShutdownAckChunk());
        timers.start(Timer.T2_SHUTDOWN, rto.rtoNanos());
    }

    private void onRetransmissionTimer() {
        if (sender == null || !sender.hasOutstanding()) {
            return;
        }
        if (!countError("retransmissions not acknowledged")) {
            return;
        }
        rto.backOff(); // §6.3.3 E2
        sender.onRetransmissionTimeout();
    }

    private void onHeartbeatTimer() {
        if (state != AssociationState.ESTABLISHED) {
            return;
        }
        if (heartbeatOutstanding) {
            if (!countError("heartbeats not answered")) {
                return;
            }
            rto.backOff();
        }
        heartbeatNonce = endpoint.nextNonZeroTag() << 32 | endpoint.nextNonZeroTag();
        heartbeatOutstanding = true;
        byte[] info = java.nio.ByteBuffer.allocate(16).putLong(scheduler.nanoTime()).putLong(heartbeatNonce).array();
        control.add(new HeartbeatChunk(false, OpaqueValue.of(info)));
        counters.increment(SctpCounter.HEARTBEATS_SENT);
        timers.start(Timer.HEARTBEAT, heartbeatDelayNanos());
    }

    /** §8.3: HB.interval plus the current RTO. */
    private long heartbeatDelayNanos() {
        return settings.heartbeatIntervalMillis() * 1_000_000 + rto.rtoNanos();
    }

    /** §8.1: counts one unanswered transmission; past the limit the association is aborted. */
    private boolean countError(String what) {
        if (++errorCount > settings.maxAssociationRetransmits()) {
            long tag = peerTag();
            if (tag != 0) {
                packets.sendAlone(new AbortChunk(false, List.of()), tag);
            }
            close(new CloseReason(CloseReason.Kind.TIMEOUT, what));
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private long localTag() {
        if (params != null) {
            return params.localTag();
        }
        return state == AssociationState.CLOSED ? 0 : handshake.localTag();
    }

    private long peerTag() {
        if (params != null) {
            return params.peerTag();
        }
        return pendingParams == null ? 0 : pendingParams.peerTag();
    }

    private void close(CloseReason reason) {
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

    private static void safely(Runnable upcall) {
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
