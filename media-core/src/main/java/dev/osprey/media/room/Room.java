package dev.osprey.media.room;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.SpeakerInfo;
import dev.osprey.media.audio.AudioLevelMeter;
import dev.osprey.media.audio.SpeakerDetector;
import dev.osprey.media.metrics.MeterSet;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomId;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room: its membership and lifecycle. Every mutation of the room, its participants, their tracks and
 * subscriptions happens while holding this object's monitor (control path only; packets never take it), and events
 * are emitted under it, so listeners see changes in the order they happened.
 */
public final class Room {
    private final RoomId id;
    private final RoomName name;
    private final RoomSettings settings;
    private final long createdAtMillis;
    private final RoomContext context;
    private final RoomTimeouts timeouts;
    private final Map<ParticipantIdentity, Participant> participants = new LinkedHashMap<>();
    private final SpeakerDetector speakers;
    private final MeterSet meters;
    private String metadata;
    private boolean closed;

    Room(RoomName name, RoomSettings settings, String metadata, RoomContext context) {
        this.id = RoomId.generate(context.random());
        this.name = name;
        this.settings = settings;
        this.metadata = metadata;
        this.context = context;
        this.createdAtMillis = context.wallClock().millis();
        this.timeouts = new RoomTimeouts(context.nanoClock().getAsLong());
        this.speakers = new SpeakerDetector(context.config().speakers());
        this.meters = context.metrics().room(name.value(), () -> info().numParticipants(),
                () -> info().numPublishers());
    }

    public RoomId id() {
        return id;
    }

    public RoomName name() {
        return name;
    }

    RoomContext context() {
        return context;
    }

    public synchronized RoomInfo info() {
        int publishers = 0;
        for (Participant p : participants.values()) {
            publishers += p.publisherRole().hasTracks() ? 1 : 0;
        }
        return new RoomInfo(id, name, settings, metadata, createdAtMillis, participants.size(), publishers);
    }

    synchronized RoomInfo setMetadata(String newMetadata) {
        this.metadata = newMetadata;
        RoomInfo info = info();
        context.events().roomUpdated(info);
        return info;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Admits a participant. An earlier participant with the same identity leaves first (LiveKit replaces it), so it
     * does not count against {@code maxParticipants}.
     */
    synchronized Participant admit(JoinRequest request, SubscriptionListener listener) {
        if (closed) {
            throw new RoomException(RoomException.Reason.ROOM_CLOSED, "room " + name + " is closed");
        }
        Participant previous = participants.get(request.identity());
        if (previous != null) {
            previous.leave(DisconnectReason.DUPLICATE_IDENTITY);
        }
        if (!settings.admits(participants.size() + 1)) {
            throw new RoomException(RoomException.Reason.ROOM_FULL, "room " + name + " is full");
        }
        Participant participant = new Participant(this, ParticipantId.generate(context.random()), request, listener);
        participants.put(request.identity(), participant);
        timeouts.onJoin();
        context.events().participantJoined(info(), participant.info());
        AutoSubscription.onJoin(this, participant);
        return participant;
    }

    /** Called by {@link Participant#leave} with the monitor held. */
    void removed(Participant participant, ParticipantInfo last, DisconnectReason reason) {
        participants.remove(participant.identity(), participant);
        if (participants.isEmpty()) {
            timeouts.onLastDeparture(context.nanoClock().getAsLong());
        }
        context.events().participantLeft(info(), last, reason);
    }

    synchronized Participant participant(ParticipantIdentity identity) {
        return participants.get(identity);
    }

    synchronized List<Participant> participants() {
        return new ArrayList<>(participants.values());
    }

    synchronized List<ParticipantInfo> participantInfos() {
        List<ParticipantInfo> infos = new ArrayList<>(participants.size());
        for (Participant p : participants.values()) {
            infos.add(p.info());
        }
        return infos;
    }

    /** The published track {@code track} of any participant, or {@code null}. */
    synchronized PublishedTrack track(TrackId track) {
        for (Participant p : participants.values()) {
            PublishedTrack t = p.publisherRole().track(track);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Once per speaker window: reports the speakers whose activity or level changed. */
    synchronized void detectSpeakers(long nowNanos) {
        if (closed || !speakers.due(nowNanos)) {
            return;
        }
        for (Participant p : participants.values()) {
            for (PublishedTrack t : p.publisherRole().publishedTracks()) {
                AudioLevelMeter meter = t.audioLevelMeter();
                if (meter != null) {
                    speakers.observe(p.id(), meter);
                }
            }
        }
        List<SpeakerInfo> changed = speakers.changes(nowNanos);
        if (!changed.isEmpty()) {
            context.events().speakersChanged(info(), List.copyOf(changed));
        }
    }

    /** Why the room should close now, or {@code null}. */
    synchronized RoomCloseReason expiry(long nowNanos) {
        return closed ? null : timeouts.expiry(settings, participants.size(), nowNanos);
    }

    /** Makes every participant leave and marks the room closed; idempotent. Returns whether it was open. */
    synchronized boolean close(RoomCloseReason reason) {
        if (closed) {
            return false;
        }
        DisconnectReason why = reason == RoomCloseReason.DELETED ? DisconnectReason.ROOM_DELETED
                : reason == RoomCloseReason.SERVER_SHUTDOWN ? DisconnectReason.SERVER_SHUTDOWN
                : DisconnectReason.ROOM_CLOSED;
        for (Participant p : new ArrayList<>(participants.values())) {
            p.leave(why);
        }
        closed = true;
        meters.close();
        context.metrics().roomFinished();
        context.events().roomFinished(info(), reason);
        return true;
    }

    @Override
    public String toString() {
        return "Room[" + name + " " + id + "]";
    }
}
