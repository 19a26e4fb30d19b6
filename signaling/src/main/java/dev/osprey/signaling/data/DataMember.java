package dev.osprey.signaling.data;

import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataListener;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.ParticipantData;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomName;
import io.netty.buffer.ByteBuf;

/**
 * One attached participant: what the router needs to relay to it without asking the room (its sid, identity and data
 * pipe), and the listener of its data path, which hands its messages to the router. {@link #onMessage} runs on the
 * participant's event loop, so the reliable sequence it tracks needs no lock; it is volatile only for readers
 * elsewhere (a resume asking for it).
 */
final class DataMember implements DataListener {
    final ParticipantSession session;
    final ParticipantData data;
    final RoomName room;
    final String sid;
    final String identity;
    private final DataPacketRouter router;
    private volatile long lastReliableSequence;

    DataMember(DataPacketRouter router, ParticipantSession session, RoomName room, String sid, String identity) {
        this.router = router;
        this.session = session;
        this.data = session.data();
        this.room = room;
        this.sid = sid;
        this.identity = identity;
    }

    @Override
    public void onMessage(ByteBuf message, DataReliability reliability, String channelLabel) {
        router.relay(this, message, reliability, channelLabel);
    }

    @Override
    public void onDropped(DataReliability reliability, DataDropReason reason, int bytes) {
        router.droppedToward(reason);
    }

    @Override
    public void onClosed() {
        router.detach(this);
    }

    /**
     * Whether a reliable packet's sequence number is new. livekit-client numbers its reliable packets from 1 and, after
     * a resume, sends again those the server may have missed; 0 means unnumbered.
     */
    boolean freshSequence(int sequence) {
        long seq = Integer.toUnsignedLong(sequence);
        if (seq == 0) {
            return true;
        }
        if (seq <= lastReliableSequence) {
            return false;
        }
        lastReliableSequence = seq;
        return true;
    }

    long lastReliableSequence() {
        return lastReliableSequence;
    }

    @Override
    public String toString() {
        return "DataMember[" + room + " " + identity + " " + sid + "]";
    }
}
