package dev.osprey.signaling.data;

import dev.osprey.media.api.DataBufferLimits;
import dev.osprey.media.api.DataDropReason;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.Rooms;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LiveKit data packets between the participants of a room (livekit-protocol.md §2.2), one per server. Every message
 * a participant sends on its data channels is parsed as a {@code DataPacket}; malformed ones, anything from a
 * participant without {@code canPublishData}, server-only kinds and reliable resends are dropped and counted. The
 * rest is stamped with the sender ({@link SenderStamp}), encoded once and queued to its destination identities
 * (or sids), or to everyone else in the room when it names none, never back to the sender, with the reliability of
 * the channel it came on. The server itself sends with {@link #sendFromServer} (Twirp SendData). Relaying runs on
 * the sender's event loop and hands each copy to the receiver's; nothing here blocks or takes the room's monitor.
 */
public final class DataPacketRouter {
    /** The channel of LiveKit data tracks, whose frames are not DataPackets. */
    static final String DATA_TRACK_LABEL = "_data_track";

    private static final DataMember[] NOBODY = new DataMember[0];

    private final Rooms rooms;
    private final DataMetrics metrics;
    private final DataBufferLimits limits;
    private final ByteBufAllocator alloc;
    private final ConcurrentHashMap<RoomName, RoomMembers> members = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ParticipantSession, DataMember> attached = new ConcurrentHashMap<>();

    public DataPacketRouter(Rooms rooms, MeterRegistry registry) {
        this(rooms, registry, DataBufferLimits.DEFAULT, PooledByteBufAllocator.DEFAULT);
    }

    /**
     * @param limits what may be buffered toward each participant (applied at {@link #attach})
     * @param alloc  where the one encoded copy of each relayed packet is allocated
     */
    public DataPacketRouter(Rooms rooms, MeterRegistry registry, DataBufferLimits limits, ByteBufAllocator alloc) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.metrics = new DataMetrics(Objects.requireNonNull(registry, "registry"));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.alloc = Objects.requireNonNull(alloc, "alloc");
    }

    /**
     * Starts relaying for a participant that just joined: its messages go to the room, the room's to it. Idempotent
     * for the same session (a resume keeps its state); it ends by itself when the participant leaves.
     */
    public void attach(ParticipantSession session) {
        ParticipantInfo info = session.info();
        RoomName room = session.room().name();
        DataMember member = new DataMember(this, session, room, info.id().value(), info.identity().value());
        if (attached.putIfAbsent(session, member) != null) {
            return;
        }
        members.compute(room, (name, existing) -> {
            RoomMembers m = existing == null ? new RoomMembers() : existing;
            m.add(member);
            return m;
        });
        session.data().limits(limits);
        session.data().listen(member); // tells onClosed at once if it already left
    }

    /**
     * Sends a packet from the server (Twirp SendData, moderation on topic {@code system}): as given, with the kind
     * and the destination lists set from the arguments.
     *
     * @param destinationIdentities who receives it; empty for everyone in the room
     * @return how many participants it was queued for
     */
    public int sendFromServer(RoomName room, DataPacket packet, Set<String> destinationIdentities, boolean reliable) {
        if (rooms.find(room).isEmpty()) {
            metrics.dropped(DropCause.NO_ROOM);
            return 0;
        }
        DataReliability reliability = reliable ? DataReliability.RELIABLE : DataReliability.LOSSY;
        DataPacket.Builder b = packet.toBuilder().setKind(SenderStamp.kind(reliability))
                .clearDestinationIdentities().addAllDestinationIdentities(destinationIdentities);
        if (b.hasUser()) {
            UserPacket.Builder user = b.getUserBuilder();
            user.clearDestinationSids().clearDestinationIdentities().addAllDestinationIdentities(destinationIdentities);
        }
        return deliver(room, null, b.build(), reliability);
    }

    /** The last reliable sequence number relayed from {@code session} (0 when none): a resume reports it. */
    public long lastReliableSequence(ParticipantSession session) {
        DataMember m = attached.get(session);
        return m == null ? 0 : m.lastReliableSequence();
    }

    /** On the sender's event loop; {@code message} is lent. */
    void relay(DataMember sender, ByteBuf message, DataReliability reliability, String label) {
        metrics.received(reliability, message.readableBytes());
        if (DATA_TRACK_LABEL.equals(label)) {
            metrics.dropped(DropCause.DATA_TRACK);
            return;
        }
        ParticipantPermission permission = sender.data.permission();
        if (!permission.canPublishData()) {
            metrics.dropped(DropCause.NOT_PERMITTED);
            return;
        }
        DataPacket packet;
        try {
            packet = DataPacketCodec.decode(message);
        } catch (DataPacketException e) {
            metrics.dropped(DropCause.MALFORMED);
            return;
        }
        DropCause refusal = SenderStamp.refusal(packet);
        if (refusal == null && reliability == DataReliability.RELIABLE && !sender.freshSequence(packet.getSequence())) {
            refusal = DropCause.DUPLICATE;
        }
        if (refusal != null) {
            metrics.dropped(refusal);
            return;
        }
        DataPacket stamped = new SenderStamp(sender.sid, sender.identity, permission.hidden()).apply(packet,
                reliability);
        deliver(sender.room, sender, stamped, reliability);
    }

    /** Encodes once (when someone matches) and queues a duplicate of the encoding to each receiver. */
    private int deliver(RoomName room, DataMember sender, DataPacket packet, DataReliability reliability) {
        RoomMembers roomMembers = members.get(room);
        DataMember[] snapshot = roomMembers == null ? NOBODY : roomMembers.snapshot();
        List<String> identities = packet.getDestinationIdentitiesList();
        List<String> sids = packet.hasUser() ? packet.getUser().getDestinationSidsList() : List.of();
        boolean everyone = identities.isEmpty() && sids.isEmpty();
        ByteBuf encoded = null;
        int queued = 0;
        try {
            for (DataMember m : snapshot) {
                if (sender != null && m.identity.equals(sender.identity)) {
                    continue;
                }
                if (!everyone && !identities.contains(m.identity) && !sids.contains(m.sid)) {
                    continue;
                }
                if (encoded == null) {
                    encoded = DataPacketCodec.encode(packet, alloc);
                }
                if (m.data.send(encoded.retainedDuplicate(), reliability)) {
                    queued++;
                    metrics.queued(reliability, encoded.readableBytes());
                }
            }
        } finally {
            if (encoded != null) {
                encoded.release();
            }
        }
        if (encoded == null) {
            metrics.dropped(DropCause.NO_RECIPIENT);
        }
        return queued;
    }

    void droppedToward(DataDropReason reason) {
        metrics.dropped(DropCause.of(reason));
    }

    void detach(DataMember member) {
        if (!attached.remove(member.session, member)) {
            return;
        }
        members.computeIfPresent(member.room, (name, m) -> {
            m.remove(member);
            return m.isEmpty() ? null : m;
        });
    }

    /** Participants attached in {@code room} (diagnostics and tests). */
    int attachedCount(RoomName room) {
        RoomMembers m = members.get(room);
        return m == null ? 0 : m.snapshot().length;
    }
}
