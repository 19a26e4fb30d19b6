package dev.osprey.signaling.webhook;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.rooms.LiveKitInfos;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Room events as LiveKit's webhooks, at the moments livekit-server sends them (its telemetry service):
 * {@code room_started} when a room is created and {@code room_finished} when it closes; {@code participant_joined}
 * only once the participant is ACTIVE (a peer connection is up; "a participant is considered joined only when they
 * become active"); on departure {@code participant_left} for a participant that got there and
 * {@code participant_connection_aborted} for one that never did; {@code track_published} once a track's media section
 * is negotiated (livekit-server reports a track when its media arrives, not at AddTrack) and
 * {@code track_unpublished} for such a track when it goes. Media-core calls this under the room's lock, in the order
 * things happened, so the notifier's per-room queues keep that order; queuing never blocks.
 */
public final class WebhookRoomListener implements RoomListener {

    private final WebhookNotifier notifier;
    /** Participants that reached ACTIVE and have not left. */
    private final Set<ParticipantId> active = ConcurrentHashMap.newKeySet();
    /** Tracks whose {@code track_published} went out and that are still published. */
    private final Set<TrackId> announced = ConcurrentHashMap.newKeySet();

    public WebhookRoomListener(WebhookNotifier notifier) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    @Override
    public void roomStarted(RoomInfo room) {
        notifier.roomStarted(LiveKitInfos.room(room));
    }

    @Override
    public void roomFinished(RoomInfo room, RoomCloseReason reason) {
        notifier.roomFinished(LiveKitInfos.room(room));
    }

    @Override
    public void participantUpdated(RoomInfo room, ParticipantInfo participant) {
        if (participant.state() == ParticipantState.ACTIVE && active.add(participant.id())) {
            notifier.participantJoined(LiveKitInfos.room(room), LiveKitInfos.participant(participant));
        }
        for (TrackInfo track : participant.tracks()) {
            announceIfNegotiated(room, participant, track);
        }
    }

    @Override
    public void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
        var info = LiveKitInfos.participant(participant, reason);
        if (active.remove(participant.id())) {
            notifier.participantLeft(LiveKitInfos.room(room), info);
        } else {
            notifier.participantConnectionAborted(LiveKitInfos.room(room), info);
        }
    }

    @Override
    public void trackPublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        announceIfNegotiated(room, participant, track);
    }

    @Override
    public void trackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        if (announced.remove(track.id())) {
            notifier.trackUnpublished(LiveKitInfos.room(room), LiveKitInfos.participant(participant),
                    LiveKitInfos.track(track));
        }
    }

    private void announceIfNegotiated(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        if (!track.mid().isEmpty() && announced.add(track.id())) {
            notifier.trackPublished(LiveKitInfos.room(room), LiveKitInfos.participant(participant),
                    LiveKitInfos.track(track));
        }
    }
}
