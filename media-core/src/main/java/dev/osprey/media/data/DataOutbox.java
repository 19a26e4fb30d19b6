package dev.osprey.media.data;

import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataReliability;
import dev.osprey.sctp.SendResult;
import dev.osprey.sctp.datachannel.DataChannel;
import io.netty.buffer.ByteBuf;

import java.util.ArrayDeque;

/**
 * Messages toward one participant, on its event loop: the channel they go on (the subscriber connection's when its
 * association is up, else the publisher connection's), the reliable queue in front of SCTP and the lossy drop rule.
 * A reliable message is handed to SCTP only while its channel holds less than the in-flight limit unacknowledged, so
 * the queue here, not SCTP's send buffer, is what grows for a slow receiver (and what its limit bounds); it drains
 * when the channel's buffered amount falls (RFC 8831 §6.6 bufferedAmount, surfaced by the sctp module). A lossy
 * message is sent at once or dropped: it never waits.
 */
final class DataOutbox {
    private final ArrayDeque<ByteBuf> reliable = new ArrayDeque<>();
    private final PeerDataChannels subscriber;
    private final PeerDataChannels publisher;
    private final ParticipantDataPath path;
    private long queuedBytes;
    private long sentMessages;
    private long sentBytes;

    DataOutbox(PeerDataChannels subscriber, PeerDataChannels publisher, ParticipantDataPath path) {
        this.subscriber = subscriber;
        this.publisher = publisher;
        this.path = path;
    }

    /** Subscriber-primary: the subscriber connection's channel, else the one the client opened on the publisher's. */
    DataChannel target(DataReliability reliability) {
        DataChannel c = subscriber.channel(reliability);
        return c != null ? c : publisher.channel(reliability);
    }

    /** Takes ownership; the message is sent now if the channel has room, else when it has. */
    void offerReliable(ByteBuf message) {
        reliable.add(message);
        queuedBytes += message.readableBytes();
        flush();
    }

    /** Hands queued reliable messages to SCTP while a channel is open and below its in-flight limit. */
    void flush() {
        long inFlightLimit = path.limits().reliableInFlightBytes();
        while (!reliable.isEmpty()) {
            DataChannel channel = target(DataReliability.RELIABLE);
            if (channel == null || channel.bufferedAmount() >= inFlightLimit) {
                return; // onChannelOpen / onBufferedAmountLow bring us back
            }
            ByteBuf message = reliable.peek();
            int length = message.readableBytes();
            // a duplicate goes to SCTP, which releases what it refuses: a refused message stays queued here
            SendResult result = channel.send(payload(message.retainedDuplicate()));
            if (result == SendResult.BUFFER_FULL || result == SendResult.NOT_OPEN) {
                return;
            }
            reliable.poll();
            queuedBytes -= length;
            message.release();
            path.reliableLeft(length);
            if (result == SendResult.QUEUED) {
                sent(length);
            } else {
                path.dropped(DataReliability.RELIABLE, dropReason(result), length);
            }
        }
    }

    /** Takes ownership: sends at once, or drops (and reports) when there is no channel or no room. */
    void sendLossy(ByteBuf message) {
        int length = message.readableBytes();
        DataChannel channel = target(DataReliability.LOSSY);
        DataDropReason reason;
        if (channel == null) {
            reason = DataDropReason.NO_CHANNEL;
        } else if (channel.bufferedAmount() + length > path.limits().lossyBufferBytes()) {
            reason = DataDropReason.BUFFER_FULL;
        } else {
            SendResult result = channel.send(payload(message));
            if (result == SendResult.QUEUED) {
                sent(length);
            } else {
                path.dropped(DataReliability.LOSSY, dropReason(result), length);
            }
            return;
        }
        message.release();
        path.dropped(DataReliability.LOSSY, reason, length);
    }

    /**
     * SCTP writes one byte into an empty message (RFC 8831 §6.6); a duplicate must not write into memory it shares,
     * so an empty message goes as a fresh buffer.
     */
    private static ByteBuf payload(ByteBuf message) {
        if (message.isReadable()) {
            return message;
        }
        ByteBuf fresh = message.alloc().buffer(1);
        message.release();
        return fresh;
    }

    private static DataDropReason dropReason(SendResult result) {
        return switch (result) {
            case TOO_LARGE -> DataDropReason.TOO_LARGE;
            case BUFFER_FULL -> DataDropReason.BUFFER_FULL;
            default -> DataDropReason.NO_CHANNEL;
        };
    }

    private void sent(int length) {
        sentMessages++;
        sentBytes += length;
    }

    /** Releases every queued message (the participant left); each is reported as dropped. */
    void close() {
        ByteBuf message;
        while ((message = reliable.poll()) != null) {
            int length = message.readableBytes();
            message.release();
            path.reliableLeft(length);
            path.dropped(DataReliability.RELIABLE, DataDropReason.CLOSED, length);
        }
        queuedBytes = 0;
    }

    long queuedBytes() {
        return queuedBytes;
    }

    long sentMessages() {
        return sentMessages;
    }

    long sentBytes() {
        return sentBytes;
    }
}
