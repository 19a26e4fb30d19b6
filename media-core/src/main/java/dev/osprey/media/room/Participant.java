package dev.osprey.media.room;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.ParticipantTransports;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackPublisher;
import dev.osprey.media.api.TrackSubscriber;
import dev.osprey.media.data.ParticipantDataPath;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.metrics.MeterSet;
import dev.osprey.media.peer.PublisherMedia;
import dev.osprey.media.peer.SubscriberMedia;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant's identity, state, metadata and permission, with the version counter clients rely on: every change
 * that a ParticipantInfo shows bumps {@link #version} before the event goes out. Publishing and subscribing are
 * separate roles ({@link ParticipantPublisher}, {@link ParticipantSubscriber}). All state is guarded by the room's
 * monitor.
 */
public final class Participant implements ParticipantSession {
    private final Room room;
    private final ParticipantId id;
    private final ParticipantIdentity identity;
    private final long joinedAtMillis;
    private final long joinedAtNanos;
    private final boolean autoSubscribe;
    private final ParticipantPublisher publisher;
    private final ParticipantSubscriber subscriber;
    private final MediaLoop loop;
    private final PublisherMedia publisherMedia;
    private final SubscriberMedia subscriberMedia;
    private final MeterSet meters;
    private final ParticipantTransportSet transports;
    private final ParticipantDataPath data;
    private String name;
    private String metadata;
    private Map<String, String> attributes;
    private ParticipantPermission permission;
    private ParticipantState state = ParticipantState.JOINING;
    private long version = 1;

    Participant(Room room, ParticipantId id, JoinRequest request, SubscriptionListener listener) {
        this.room = room;
        this.id = id;
        this.identity = request.identity();
        this.name = request.name();
        this.metadata = request.metadata();
        this.attributes = request.attributes();
        this.permission = request.permission();
        this.autoSubscribe = request.autoSubscribe();
        this.joinedAtMillis = room.context().wallClock().millis();
        this.joinedAtNanos = room.context().nanoClock().getAsLong();
        RoomContext context = room.context();
        this.loop = context.loops().next();
        this.publisherMedia = new PublisherMedia(context.random().nextInt(), loop, context.config());
        this.subscriberMedia = new SubscriberMedia(context.random().nextInt(), loop, context.config().srtpTailroomBytes());
        this.meters = context.metrics().participant(room.name().value(), identity.value(), publisherMedia,
                subscriberMedia);
        this.publisher = new ParticipantPublisher(this);
        this.transports = new ParticipantTransportSet(this);
        this.data = new ParticipantDataPath(loop, room.name().value(), id.value(), identity.value(), permission,
                () -> leave(DisconnectReason.MEDIA_FAILURE));
        this.subscriber = new ParticipantSubscriber(this, Objects.requireNonNull(listener, "listener"));
    }

    public ParticipantId id() {
        return id;
    }

    public ParticipantIdentity identity() {
        return identity;
    }

    Room roomObject() {
        return room;
    }

    ParticipantPublisher publisherRole() {
        return publisher;
    }

    ParticipantSubscriber subscriberRole() {
        return subscriber;
    }

    /** The event loop that owns this participant's media. */
    public MediaLoop loop() {
        return loop;
    }

    /** Where the transport of its publisher peer connection delivers RTP and RTCP. */
    public PublisherMedia publisherMedia() {
        return publisherMedia;
    }

    /** Where the transport of its subscriber peer connection delivers RTCP, and where its senders write. */
    public SubscriberMedia subscriberMedia() {
        return subscriberMedia;
    }

    long joinedAtNanos() {
        return joinedAtNanos;
    }

    /** Whether others' tracks are subscribed to automatically (checked with the monitor held). */
    boolean subscribesAutomatically() {
        return autoSubscribe && permission.canSubscribe() && state != ParticipantState.DISCONNECTED;
    }

    ParticipantPermission permission() {
        return permission;
    }

    @Override
    public ParticipantInfo info() {
        synchronized (room) {
            return new ParticipantInfo(id, identity, name, metadata, attributes, state, permission, version,
                    joinedAtMillis, publisher.trackInfos());
        }
    }

    @Override
    public RoomInfo room() {
        return room.info();
    }

    @Override
    public TrackPublisher publisher() {
        return publisher;
    }

    @Override
    public TrackSubscriber subscriber() {
        return subscriber;
    }

    /** Bumps the version; the caller emits the event with the new snapshot. Monitor held. */
    ParticipantInfo changed() {
        version++;
        return info();
    }

    @Override
    public ParticipantTransports transports() {
        return transports;
    }

    @Override
    public ParticipantDataPath data() {
        return data;
    }

    @Override
    public void advanceState(ParticipantState next) {
        synchronized (room) {
            if (state == ParticipantState.DISCONNECTED || next.ordinal() <= state.ordinal()
                    || next == ParticipantState.DISCONNECTED) {
                return; // never backwards; DISCONNECTED only through leave()
            }
            if (next == ParticipantState.ACTIVE) {
                room.context().metrics().recordJoinTime(room.context().nanoClock().getAsLong() - joinedAtNanos);
            }
            state = next;
            room.context().events().participantUpdated(room.info(), changed());
        }
    }

    @Override
    public Optional<ParticipantInfo> updateMetadata(String newName, String newMetadata, Map<String, String> changes) {
        synchronized (room) {
            return permission.canUpdateMetadata() ? applyMetadata(newName, newMetadata, changes) : Optional.empty();
        }
    }

    @Override
    public Optional<ParticipantInfo> updateMetadataAsServer(String newName, String newMetadata,
                                                            Map<String, String> changes) {
        synchronized (room) {
            return applyMetadata(newName, newMetadata, changes);
        }
    }

    /** Monitor held: {@code null} keeps a value; an attribute with an empty value is deleted, as in LiveKit. */
    private Optional<ParticipantInfo> applyMetadata(String newName, String newMetadata, Map<String, String> changes) {
        if (state == ParticipantState.DISCONNECTED) {
            return Optional.empty();
        }
        name = newName == null ? name : newName;
        metadata = newMetadata == null ? metadata : newMetadata;
        if (changes != null && !changes.isEmpty()) {
            Map<String, String> merged = new HashMap<>(attributes);
            changes.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            attributes = Map.copyOf(merged);
        }
        ParticipantInfo info = changed();
        room.context().events().participantUpdated(room.info(), info);
        return Optional.of(info);
    }

    @Override
    public ParticipantInfo updatePermission(ParticipantPermission newPermission) {
        synchronized (room) {
            permission = Objects.requireNonNull(newPermission, "permission");
            data.permission(newPermission);
            if (state != ParticipantState.DISCONNECTED) {
                if (!newPermission.canSubscribe()) {
                    subscriber.endAll();
                }
                publisher.unpublishDisallowed();
            }
            ParticipantInfo info = changed();
            room.context().events().participantUpdated(room.info(), info);
            return info;
        }
    }

    @Override
    public void leave(DisconnectReason reason) {
        synchronized (room) {
            if (state == ParticipantState.DISCONNECTED) {
                return;
            }
            subscriber.endAll();
            publisher.unpublishAll();
            publisherMedia.close();
            data.close();
            transports.closeAll();
            meters.close();
            state = ParticipantState.DISCONNECTED;
            room.removed(this, changed(), reason);
        }
    }

    @Override
    public boolean isClosed() {
        synchronized (room) {
            return state == ParticipantState.DISCONNECTED;
        }
    }

    @Override
    public String toString() {
        return "Participant[" + identity + " " + id + "]";
    }
}
