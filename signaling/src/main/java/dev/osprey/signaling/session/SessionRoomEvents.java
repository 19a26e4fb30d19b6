package dev.osprey.signaling.session;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.SpeakerInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.rooms.LiveKitInfos;
import livekit.LivekitModels;
import livekit.LivekitRtc.RoomUpdate;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SpeakersChanged;

import java.util.List;

/**
 * Room events as the signal updates of livekit-protocol.md §2.8: a {@code ParticipantUpdate} to everyone for each
 * change of a participant (hidden participants only to themselves), {@code speakers_changed}, {@code room_update},
 * and to the
 * participant concerned {@code track_unpublished}, a remote {@code mute}, or {@code leave} when the room removed it.
 * Called under the room's lock, so it only snapshots and hands each session its work on the session's executor.
 */
public final class SessionRoomEvents implements RoomListener {

    private final RtcSessionManager manager;

    SessionRoomEvents(RtcSessionManager manager) {
        this.manager = manager;
    }

    @Override
    public void participantJoined(RoomInfo room, ParticipantInfo participant) {
        broadcast(room, participant, LiveKitInfos.participant(participant), false);
    }

    @Override
    public void participantUpdated(RoomInfo room, ParticipantInfo participant) {
        broadcast(room, participant, LiveKitInfos.participant(participant), true);
        manager.forEachInRoom(room.name(), s -> participant.tracks().forEach(s::trackChanged));
    }

    @Override
    public void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
        RtcSession self = manager.session(participant.id());
        if (self != null) {
            self.executor().execute(() -> self.removed(reason));
        }
        broadcast(room, participant, LiveKitInfos.participant(participant, reason), false);
    }

    @Override
    public void trackPublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        broadcast(room, participant, LiveKitInfos.participant(participant), true);
    }

    @Override
    public void trackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        manager.codecs().remove(track.id());
        broadcast(room, participant, LiveKitInfos.participant(participant), true);
        RtcSession self = manager.session(participant.id());
        if (self != null) {
            self.executor().execute(() -> self.ownTrackUnpublished(track));
        }
    }

    @Override
    public void trackMuted(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        broadcast(room, participant, LiveKitInfos.participant(participant), true);
        RtcSession self = manager.session(participant.id());
        if (self != null) {
            self.executor().execute(() -> self.ownTrackMuted(track));
        }
    }

    @Override
    public void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
        SpeakersChanged.Builder speakers = SpeakersChanged.newBuilder();
        for (SpeakerInfo s : changed) {
            speakers.addSpeakers(LivekitModels.SpeakerInfo.newBuilder().setSid(s.participant().value())
                    .setLevel(s.level()).setActive(s.active()));
        }
        SignalResponse message = SignalResponse.newBuilder().setSpeakersChanged(speakers).build();
        manager.forEachInRoom(room.name(), s -> s.send(message));
    }

    /** {@code room_update} (§2.8): the room's new metadata and counts to everyone in it. */
    @Override
    public void roomUpdated(RoomInfo room) {
        SignalResponse message = SignalResponse.newBuilder().setRoomUpdate(RoomUpdate.newBuilder()
                .setRoom(LiveKitInfos.room(room))).build();
        manager.forEachInRoom(room.name(), s -> s.send(message));
    }

    @Override
    public void roomFinished(RoomInfo room, RoomCloseReason reason) {
        // every participant already left with its own reason (participantLeft); nothing else to tell anyone
    }

    /** One participant's new snapshot to everyone who may see it; {@code toSelf}: also to that participant. */
    private void broadcast(RoomInfo room, ParticipantInfo about, LivekitModels.ParticipantInfo info, boolean toSelf) {
        List<LivekitModels.ParticipantInfo> update = List.of(info);
        manager.forEachInRoom(room.name(), s -> {
            boolean self = s.participant().info().id().equals(about.id());
            if (self ? toSelf : !about.permission().hidden()) {
                s.sendUpdate(update);
            }
        });
    }
}
