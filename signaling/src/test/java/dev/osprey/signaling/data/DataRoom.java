package dev.osprey.signaling.data;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.data.ParticipantDataPath;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import dev.osprey.sctp.datachannel.ChannelOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import livekit.LivekitModels.DataPacket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A room of media-core's registry (no network transports) whose participants' data paths run over real SCTP
 * associations in memory, with the router attached to each, as the join flow does: each participant has a
 * subscriber connection (Osprey opens its channels) and a publisher connection where the client opened
 * {@code _reliable} and {@code _lossy}.
 */
final class DataRoom implements AutoCloseable {
    static final RoomName ROOM = new RoomName("data-room");

    final Wire wire = new Wire();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RoomRegistry rooms = new RoomRegistry(MediaCoreConfig.DEFAULT, new RoomListener() { }, Clock.systemUTC(),
            wire::nanoTime, new SplittableRandom(5), MediaLoopGroup.of(List.of(MediaLoop.manual(wire::nanoTime))),
            meters);
    final DataPacketRouter router = new DataPacketRouter(rooms, meters);
    private final List<ClientPeer> peers = new ArrayList<>();
    private long seed = 1;

    /** One participant with both connections up. */
    final class Browser {
        final ParticipantSession session;
        final ClientPeer subscriber;
        final ClientPeer publisher;

        Browser(ParticipantSession session) {
            this.session = session;
            ParticipantDataPath path = (ParticipantDataPath) session.data();
            subscriber = peer(path, PeerConnectionRole.SUBSCRIBER);
            publisher = peer(path, PeerConnectionRole.PUBLISHER);
            publisher.open("_reliable", ChannelOptions.RELIABLE);
            publisher.open("_lossy", ChannelOptions.LOSSY);
        }

        String sid() {
            return session.info().id().value();
        }

        void send(String label, DataPacket packet) {
            publisher.send(label, packet.toByteArray());
        }

        /** What arrived on its subscriber connection's {@code label} channel, parsed. */
        List<DataPacket> received(String label) {
            wire.pump();
            List<DataPacket> out = new ArrayList<>();
            for (ClientPeer.Received r : subscriber.received) {
                if (r.label().equals(label)) {
                    try {
                        out.add(DataPacket.parseFrom(r.bytes()));
                    } catch (InvalidProtocolBufferException e) {
                        throw new AssertionError("Osprey sent a client something that is not a DataPacket", e);
                    }
                }
            }
            return out;
        }

        List<DataPacket> received() {
            List<DataPacket> all = new ArrayList<>(received("_reliable"));
            all.addAll(received("_lossy"));
            return all;
        }
    }

    private ClientPeer peer(ParticipantDataPath path, PeerConnectionRole role) {
        ClientPeer p = new ClientPeer(wire, path.peer(role), seed++);
        peers.add(p);
        return p;
    }

    Browser join(String identity) {
        return join(identity, ParticipantPermission.DEFAULT);
    }

    Browser join(String identity, ParticipantPermission permission) {
        ParticipantSession session = rooms.join(ROOM, new JoinRequest(new ParticipantIdentity(identity), identity, "",
                Map.of(), permission, true), SubscriptionListener.NONE);
        router.attach(session);
        return new Browser(session);
    }

    double counter(String name, String tag, String value) {
        var c = meters.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    double dropped(String reason) {
        return counter("osprey.signaling.data.dropped", "reason", reason);
    }

    @Override
    public void close() {
        rooms.close();
        peers.forEach(ClientPeer::close);
    }
}
