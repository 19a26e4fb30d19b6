package dev.osprey.media.room;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.SpeakerInfo;
import dev.osprey.media.api.TrackInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Delivers room events to the application's {@link RoomListener}, isolating the room from a listener that throws: the
 * room's state has already changed when an event is emitted, so a failing listener must not undo or abort it.
 */
final class RoomEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEvents.class);

    private final RoomListener listener;

    RoomEvents(RoomListener listener) {
        this.listener = listener;
    }

    void roomStarted(RoomInfo room) {
        deliver("roomStarted", room, () -> listener.roomStarted(room));
    }

    void roomFinished(RoomInfo room, RoomCloseReason reason) {
        deliver("roomFinished", room, () -> listener.roomFinished(room, reason));
    }

    void participantJoined(RoomInfo room, ParticipantInfo p) {
        deliver("participantJoined", room, () -> listener.participantJoined(room, p));
    }

    void participantUpdated(RoomInfo room, ParticipantInfo p) {
        deliver("participantUpdated", room, () -> listener.participantUpdated(room, p));
    }

    void participantLeft(RoomInfo room, ParticipantInfo p, DisconnectReason reason) {
        deliver("participantLeft", room, () -> listener.participantLeft(room, p, reason));
    }

    void trackPublished(RoomInfo room, ParticipantInfo p, TrackInfo track) {
        deliver("trackPublished", room, () -> listener.trackPublished(room, p, track));
    }

    void trackUnpublished(RoomInfo room, ParticipantInfo p, TrackInfo track) {
        deliver("trackUnpublished", room, () -> listener.trackUnpublished(room, p, track));
    }

    void trackMuted(RoomInfo room, ParticipantInfo p, TrackInfo track) {
        deliver("trackMuted", room, () -> listener.trackMuted(room, p, track));
    }

    void roomUpdated(RoomInfo room) {
        deliver("roomUpdated", room, () -> listener.roomUpdated(room));
    }

    void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
        deliver("speakersChanged", room, () -> listener.speakersChanged(room, changed));
    }

    private static void deliver(String event, RoomInfo room, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("room", room.name().value()).addKeyValue("event", event).setCause(e)
                    .log("room listener threw; the room's state change stands");
        }
    }
}
