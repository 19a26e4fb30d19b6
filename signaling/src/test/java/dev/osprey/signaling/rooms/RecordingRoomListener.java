package dev.osprey.signaling.rooms;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.TrackInfo;

import java.util.ArrayList;
import java.util.List;

/** Room events as short lines ({@code left standup alice PARTICIPANT_REMOVED}), in the order media-core emitted them. */
public final class RecordingRoomListener implements RoomListener {

    private final List<String> events = new ArrayList<>();

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        events.clear();
    }

    private synchronized void add(String event) {
        events.add(event);
    }

    @Override
    public void roomStarted(RoomInfo room) {
        add("started " + room.name());
    }

    @Override
    public void roomFinished(RoomInfo room, RoomCloseReason reason) {
        add("finished " + room.name() + " " + reason);
    }

    @Override
    public void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
        add("left " + room.name() + " " + participant.identity() + " " + reason);
    }

    @Override
    public void trackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        add("unpublished " + participant.identity() + " " + track.id());
    }

    @Override
    public void trackMuted(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        add("muted " + participant.identity() + " " + track.id() + " " + track.muted());
    }
}
