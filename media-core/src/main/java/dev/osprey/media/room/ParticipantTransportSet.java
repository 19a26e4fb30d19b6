package dev.osprey.media.room;

import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.ParticipantTransports;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RemoteTransportDescription;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.TransportState;
import dev.osprey.media.forward.EgressSink;
import dev.osprey.media.transport.MediaPort;
import dev.osprey.media.transport.PeerTransport;
import dev.osprey.media.transport.TransportServices;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A participant's two peer connection transports (LiveKit v0 dual PC), created on first use on the participant's
 * media loop and wired to its media: the publisher connection feeds {@code PublisherMedia} and carries its feedback;
 * the subscriber connection carries the forwarded tracks and feeds the subscriber's RTCP back. The first transport to
 * connect makes the participant ACTIVE. Guarded by the room's monitor.
 */
final class ParticipantTransportSet implements ParticipantTransports {
    private final Participant owner;
    private final Map<PeerConnectionRole, PeerTransport> transports = new EnumMap<>(PeerConnectionRole.class);

    ParticipantTransportSet(Participant owner) {
        this.owner = owner;
    }

    private Room room() {
        return owner.roomObject();
    }

    @Override
    public LocalTransportDescription describe(PeerConnectionRole role) {
        synchronized (room()) {
            return obtain(role).describe();
        }
    }

    @Override
    public void connect(PeerConnectionRole role, RemoteTransportDescription remote) {
        synchronized (room()) {
            try {
                obtain(role).connect(remote);
            } catch (IllegalArgumentException e) {
                throw new RoomException(RoomException.Reason.INVALID_REQUEST, e.getMessage());
            }
        }
    }

    @Override
    public LocalTransportDescription restartIce(PeerConnectionRole role) {
        synchronized (room()) {
            return obtain(role).restartIce();
        }
    }

    @Override
    public TransportState state(PeerConnectionRole role) {
        synchronized (room()) {
            PeerTransport t = transports.get(role);
            return t == null ? TransportState.NEW : t.state();
        }
    }

    private PeerTransport obtain(PeerConnectionRole role) {
        if (owner.isClosed()) {
            throw new RoomException(RoomException.Reason.PARTICIPANT_NOT_FOUND, owner + " already left");
        }
        PeerTransport existing = transports.get(role);
        if (existing != null) {
            return existing;
        }
        TransportServices services = room().context().transports();
        if (services == null) {
            throw new RoomException(RoomException.Reason.INVALID_REQUEST, "no transport services configured");
        }
        if (!(owner.loop().executor() instanceof EventLoop loop)) {
            throw new IllegalStateException("media loops must be Netty event loops to carry transports");
        }
        String id = owner.id().value() + "/" + role.name().toLowerCase(Locale.ROOT);
        PeerTransport t = role == PeerConnectionRole.PUBLISHER
                ? new PeerTransport(id, role, services, loop, new PublisherPort(), () -> 0)
                : new PeerTransport(id, role, services, loop, new SubscriberPort(),
                        owner.subscriberMedia()::transportSequenceId);
        owner.data().attach(role, t.dataChannels());
        transports.put(role, t);
        return t;
    }

    /** Monitor held: closes both transports (participant left). */
    void closeAll() {
        for (PeerTransport t : new ArrayList<>(transports.values())) {
            t.close();
        }
        transports.clear();
    }

    private void becameActive() {
        owner.advanceState(ParticipantState.JOINED);
        owner.advanceState(ParticipantState.ACTIVE);
    }

    private final class PublisherPort implements MediaPort {
        @Override
        public void onRtp(ByteBuf packet, long arrivalNanos) {
            owner.publisherMedia().onRtp(packet, arrivalNanos);
        }

        @Override
        public void onRtcp(ByteBuf packet, long arrivalNanos) {
            owner.publisherMedia().onRtcp(packet, arrivalNanos);
        }

        @Override
        public void connected(EgressSink sink) {
            owner.publisherMedia().attach(sink);
            becameActive();
        }
    }

    private final class SubscriberPort implements MediaPort {
        @Override
        public void onRtp(ByteBuf packet, long arrivalNanos) {
            packet.release(); // a subscriber connection carries no media from the client
        }

        @Override
        public void onRtcp(ByteBuf packet, long arrivalNanos) {
            owner.subscriberMedia().onRtcp(packet, arrivalNanos);
        }

        @Override
        public void connected(EgressSink sink) {
            owner.subscriberMedia().attach(sink);
            becameActive();
        }
    }
}
