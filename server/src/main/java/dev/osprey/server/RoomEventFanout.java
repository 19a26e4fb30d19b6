package dev.osprey.server;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The room registry takes one listener; this hands each event to every part that needs it (signal sessions,
 * webhooks) in registration order. One part that throws does not keep the event from the others.
 */
final class RoomEventFanout implements RoomListener {
    private static final Logger LOG = LoggerFactory.getLogger(RoomEventFanout.class);

    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

    void add(RoomListener listener) {
        listeners.add(listener);
    }

    private void each(Consumer<RoomListener> event) {
        for (RoomListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("room listener {} threw", l.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void roomStarted(RoomInfo room) {
        each(l -> l.roomStarted(room));
    }

    @Override
    public void roomFinished(RoomInfo room, RoomCloseReason reason) {
        each(l -> l.roomFinished(room, reason));
    }

    @Override
    public void participantJoined(RoomInfo room, ParticipantInfo participant) {
        each(l -> l.participantJoined(room, participant));
    }

    @Override
    public void participantUpdated(RoomInfo room, ParticipantInfo participant) {
        each(l -> l.participantUpdated(room, participant));
    }

    @Override
    public void participantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason) {
        each(l -> l.participantLeft(room, participant, reason));
    }

    @Override
    public void trackPublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        each(l -> l.trackPublished(room, participant, track));
    }

    @Override
    public void trackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        each(l -> l.trackUnpublished(room, participant, track));
    }

    @Override
    public void trackMuted(RoomInfo room, ParticipantInfo participant, TrackInfo track) {
        each(l -> l.trackMuted(room, participant, track));
    }

    @Override
    public void roomUpdated(RoomInfo room) {
        each(l -> l.roomUpdated(room));
    }

    @Override
    public void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
        each(l -> l.speakersChanged(room, changed));
    }
}
