package dev.osprey.media.room;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.SpeakerInfo;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;

import java.util.ArrayList;
import java.util.List;

/** Records every room and subscription event as a line, plus the participant snapshots in order. */
final class RecordingListener implements RoomListener, SubscriptionListener {
    final List<String> events = new ArrayList<>();
    final List<ParticipantInfo> snapshots = new ArrayList<>();
    final List<SubscriptionInfo> subscribed = new ArrayList<>();
    final List<TrackId> unsubscribed = new ArrayList<>();
    final List<List<SpeakerInfo>> speakers = new ArrayList<>();

    @Override
    public void roomStarted(RoomInfo room) {
        events.add("started " + room.name());
    }

    @Override
    public void roomFinished(RoomInfo room, RoomCloseReason reason) {
        events.add("finished " + room.name() + " " + reason);
    }

    @Override
    public void participantJoined(RoomInfo room, ParticipantInfo p) {
        snapshots.add(p);
        events.add("joined " + p.identity());
    }

    @Override
    public void participantUpdated(RoomInfo room, ParticipantInfo p) {
        snapshots.add(p);
        events.add("updated " + p.identity() + " " + p.state());
    }

    @Override
    public void participantLeft(RoomInfo room, ParticipantInfo p, DisconnectReason reason) {
        snapshots.add(p);
        events.add("left " + p.identity() + " " + reason);
    }

    @Override
    public void trackPublished(RoomInfo room, ParticipantInfo p, TrackInfo track) {
        snapshots.add(p);
        events.add("published " + p.identity() + " " + track.kind());
    }

    @Override
    public void trackUnpublished(RoomInfo room, ParticipantInfo p, TrackInfo track) {
        snapshots.add(p);
        events.add("unpublished " + p.identity() + " " + track.kind());
    }

    @Override
    public void trackMuted(RoomInfo room, ParticipantInfo p, TrackInfo track) {
        snapshots.add(p);
        events.add("muted " + p.identity() + " " + track.muted());
    }

    @Override
    public void roomUpdated(RoomInfo room) {
        events.add("room updated " + room.name() + " " + room.metadata());
    }

    @Override
    public void speakersChanged(RoomInfo room, List<SpeakerInfo> changed) {
        speakers.add(changed);
    }

    @Override
    public void trackSubscribed(SubscriptionInfo subscription, TrackInfo track) {
        subscribed.add(subscription);
    }

    @Override
    public void trackUnsubscribed(TrackId track) {
        unsubscribed.add(track);
    }
}
