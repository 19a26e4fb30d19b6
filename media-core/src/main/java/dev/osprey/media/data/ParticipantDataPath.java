package dev.osprey.media.data;

import dev.osprey.media.api.DataBufferLimits;
import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataListener;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.ParticipantData;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.transport.DataChannelHandle;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One participant's data path: the data channels of both of its peer connections ({@link PeerDataChannels}), the
 * messages it sends (to the {@link DataListener}) and the messages toward it ({@link DataOutbox}). Channel state and
 * the outbox live on the participant's event loop (its transports' loop); {@link #send} may be called from any
 * thread and hands the message over. What is buffered is counted at the hand-off with atomics, so the limits hold
 * however many threads send: a lossy message past its limit is dropped on the spot; a reliable one past the queue
 * limit disconnects the participant through the action given at construction (the room's leave), once, logged with
 * the room and participant. Every buffer is released exactly once: sent (SCTP owns it), dropped or at close.
 */
public final class ParticipantDataPath implements ParticipantData {
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantDataPath.class);

    private final MediaLoop loop;
    private final String room;
    private final String participantId;
    private final String identity;
    private final Runnable disconnect;
    private final PeerDataChannels subscriber;
    private final PeerDataChannels publisher;
    private final DataOutbox outbox;
    private final AtomicLong pendingReliableBytes = new AtomicLong();
    private final AtomicLong pendingLossyBytes = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private volatile DataListener listener = DataListener.NONE;
    private volatile DataBufferLimits limits = DataBufferLimits.DEFAULT;
    private volatile ParticipantPermission permission;
    private volatile boolean closed;
    private long messagesIn;
    private long bytesIn;
    private long listenerFailures;

    /**
     * @param loop       the participant's event loop, which its transports run on
     * @param disconnect makes the participant leave; run on {@code loop} when reliable data overflows
     */
    public ParticipantDataPath(MediaLoop loop, String room, String participantId, String identity,
                               ParticipantPermission permission, Runnable disconnect) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.room = room;
        this.participantId = participantId;
        this.identity = identity;
        this.permission = Objects.requireNonNull(permission, "permission");
        this.disconnect = Objects.requireNonNull(disconnect, "disconnect");
        this.subscriber = new PeerDataChannels(PeerConnectionRole.SUBSCRIBER, this);
        this.publisher = new PeerDataChannels(PeerConnectionRole.PUBLISHER, this);
        this.outbox = new DataOutbox(subscriber, publisher, this);
    }

    /** Wires a peer connection's transport in: its association's events come here, channels open through it. */
    public void attach(PeerConnectionRole role, DataChannelHandle handle) {
        PeerDataChannels channels = peer(role);
        channels.opener(handle::open);
        handle.listener(channels);
    }

    /** The channel side of {@code role}'s connection (what a transport's association reports to). */
    public PeerDataChannels peer(PeerConnectionRole role) {
        return role == PeerConnectionRole.SUBSCRIBER ? subscriber : publisher;
    }

    @Override
    public void listen(DataListener newListener) {
        listener = Objects.requireNonNull(newListener, "listener");
        if (closed) {
            newListener.onClosed();
        }
    }

    @Override
    public void limits(DataBufferLimits newLimits) {
        limits = Objects.requireNonNull(newLimits, "limits");
    }

    public DataBufferLimits limits() {
        return limits;
    }

    @Override
    public ParticipantPermission permission() {
        return permission;
    }

    /** The participant's permission changed (room monitor held by the caller). */
    public void permission(ParticipantPermission newPermission) {
        permission = Objects.requireNonNull(newPermission, "permission");
    }

    @Override
    public boolean send(ByteBuf message, DataReliability reliability) {
        int length = message.readableBytes();
        if (closed || overflowed.get()) {
            message.release();
            dropped(reliability, DataDropReason.CLOSED, length);
            return false;
        }
        DataBufferLimits l = limits;
        if (reliability == DataReliability.LOSSY) {
            if (pendingLossyBytes.addAndGet(length) > l.lossyBufferBytes()) {
                pendingLossyBytes.addAndGet(-length);
                message.release();
                dropped(reliability, DataDropReason.BUFFER_FULL, length);
                return false;
            }
            return handOver(message, reliability, () -> {
                pendingLossyBytes.addAndGet(-length);
                outbox.sendLossy(message);
            });
        }
        long pending = pendingReliableBytes.addAndGet(length);
        if (pending > l.reliableQueueBytes()) {
            pendingReliableBytes.addAndGet(-length);
            message.release();
            dropped(reliability, DataDropReason.OVERFLOW, length);
            overflow(pending - length, l.reliableQueueBytes());
            return false;
        }
        return handOver(message, reliability, () -> outbox.offerReliable(message));
    }

    /** Runs {@code task} (which owns {@code message}) on the loop, unless the path closed by then. */
    private boolean handOver(ByteBuf message, DataReliability reliability, Runnable task) {
        int length = message.readableBytes();
        Runnable guarded = () -> {
            if (closed) {
                if (reliability == DataReliability.LOSSY) {
                    pendingLossyBytes.addAndGet(-length);
                } else {
                    pendingReliableBytes.addAndGet(-length);
                }
                message.release();
                dropped(reliability, DataDropReason.CLOSED, length);
            } else {
                task.run();
            }
        };
        try {
            loop.run(guarded);
            return true;
        } catch (RejectedExecutionException e) {
            closed = true; // the loop is shutting down: so is the server
            guarded.run();
            return false;
        }
    }

    private void overflow(long queuedBytes, long limitBytes) {
        if (!overflowed.compareAndSet(false, true)) {
            return;
        }
        LOG.atWarn().addKeyValue("room", room).addKeyValue("participant", participantId)
                .addKeyValue("identity", identity).addKeyValue("queuedBytes", queuedBytes)
                .addKeyValue("limitBytes", limitBytes)
                .log("reliable data toward a participant passed its queue limit: disconnecting it");
        try {
            loop.executor().execute(disconnect);
        } catch (RejectedExecutionException e) {
            LOG.debug("event loop gone before the overflowing participant could be disconnected");
        }
    }

    /** A message from the participant, on its loop; the buffer is lent. */
    void received(ByteBuf message, DataReliability reliability, String label) {
        if (closed) {
            return;
        }
        messagesIn++;
        bytesIn += message.readableBytes();
        try {
            listener.onMessage(message, reliability, label);
        } catch (RuntimeException e) {
            if (listenerFailures++ == 0) {
                LOG.atWarn().addKeyValue("room", room).addKeyValue("participant", participantId).setCause(e)
                        .log("data listener failed; further failures are only counted");
            }
        }
    }

    /** A channel opened, closed or drained: queued reliable messages may go now. */
    void channelsChanged() {
        if (!closed) {
            outbox.flush();
        }
    }

    void reliableLeft(long bytes) {
        pendingReliableBytes.addAndGet(-bytes);
    }

    void dropped(DataReliability reliability, DataDropReason reason, int bytes) {
        try {
            listener.onDropped(reliability, reason, bytes);
        } catch (RuntimeException e) {
            listenerFailures++;
        }
    }

    /** The participant left: queued messages are released on the loop and nothing more goes either way. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.run(outbox::close);
        } catch (RejectedExecutionException e) {
            outbox.close(); // the loop has stopped: nothing else touches the outbox any more
        }
        listener.onClosed();
    }

    public boolean closed() {
        return closed;
    }

    /** Messages received from the participant (loop-confined counter, for tests and diagnostics). */
    public long messagesIn() {
        return messagesIn;
    }

    public long bytesIn() {
        return bytesIn;
    }

    /** Messages handed to SCTP toward the participant. */
    public long messagesSent() {
        return outbox.sentMessages();
    }

    public long bytesSent() {
        return outbox.sentBytes();
    }

    /** Reliable bytes accepted by {@link #send} and not yet handed to SCTP or dropped. */
    public long pendingReliableBytes() {
        return pendingReliableBytes.get();
    }

    @Override
    public String toString() {
        return "ParticipantDataPath[" + room + " " + participantId + "]";
    }
}
