package dev.osprey.media.room;

import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackPublisher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The publishing role of a participant: its tracks, their mute state and negotiated media sections. */
final class ParticipantPublisher implements TrackPublisher {
    private final Participant owner;
    private final Map<TrackId, PublishedTrack> tracks = new LinkedHashMap<>();

    ParticipantPublisher(Participant owner) {
        this.owner = owner;
    }

    private Room room() {
        return owner.roomObject();
    }

    @Override
    public TrackInfo publish(TrackPublishRequest request) {
        Room room = room();
        synchronized (room) {
            requireOpen();
            if (!owner.permission().allowsPublishing(request.source())) {
                throw new RoomException(RoomException.Reason.PERMISSION_DENIED,
                        owner.identity() + " may not publish " + request.source());
            }
            for (PublishedTrack t : tracks.values()) {
                if (t.request().clientTrackId().equals(request.clientTrackId())) {
                    throw new RoomException(RoomException.Reason.INVALID_REQUEST,
                            "client track " + request.clientTrackId() + " is already published as " + t.id());
                }
            }
            PublishedTrack track = new PublishedTrack(TrackId.generate(room.context().random()), owner, request);
            tracks.put(track.id(), track);
            TrackInfo info = track.info();
            room.context().events().trackPublished(room.info(), owner.changed(), info);
            AutoSubscription.onPublish(room, track);
            return info;
        }
    }

    @Override
    public TrackInfo negotiated(TrackId trackId, RtpParameters parameters) {
        Room room = room();
        synchronized (room) {
            PublishedTrack track = require(trackId);
            if (parameters.kind() != track.request().kind()) {
                throw new RoomException(RoomException.Reason.INVALID_REQUEST,
                        "a " + parameters.kind() + " section for " + track.request().kind() + " track " + trackId);
            }
            try {
                track.setParameters(parameters);
            } catch (IllegalArgumentException e) {
                throw new RoomException(RoomException.Reason.INVALID_REQUEST, e.getMessage());
            }
            TrackInfo info = track.info();
            room.context().events().participantUpdated(room.info(), owner.changed());
            return info;
        }
    }

    @Override
    public TrackInfo setMuted(TrackId trackId, boolean muted) {
        Room room = room();
        synchronized (room) {
            PublishedTrack track = require(trackId);
            if (track.muted() == muted) {
                return track.info();
            }
            track.setMuted(muted);
            TrackInfo info = track.info();
            room.context().events().trackMuted(room.info(), owner.changed(), info);
            return info;
        }
    }

    @Override
    public void unpublish(TrackId trackId) {
        synchronized (room()) {
            remove(require(trackId));
        }
    }

    @Override
    public List<TrackInfo> tracks() {
        synchronized (room()) {
            return trackInfos();
        }
    }

    /** Monitor held. */
    List<TrackInfo> trackInfos() {
        List<TrackInfo> infos = new ArrayList<>(tracks.size());
        for (PublishedTrack t : tracks.values()) {
            infos.add(t.info());
        }
        return infos;
    }

    boolean hasTracks() {
        return !tracks.isEmpty();
    }

    PublishedTrack track(TrackId id) {
        return tracks.get(id);
    }

    List<PublishedTrack> publishedTracks() {
        return new ArrayList<>(tracks.values());
    }

    void unpublishAll() {
        for (PublishedTrack t : new ArrayList<>(tracks.values())) {
            remove(t);
        }
    }

    /** After a permission change: unpublishes every track whose source is no longer allowed. */
    void unpublishDisallowed() {
        for (PublishedTrack t : new ArrayList<>(tracks.values())) {
            if (!owner.permission().allowsPublishing(t.request().source())) {
                remove(t);
            }
        }
    }

    private void remove(PublishedTrack track) {
        Room room = room();
        for (Subscription s : track.subscriptions()) {
            s.subscriber().subscriberRole().end(s);
        }
        tracks.remove(track.id());
        track.close();
        room.context().events().trackUnpublished(room.info(), owner.changed(), track.info());
    }

    private PublishedTrack require(TrackId id) {
        requireOpen();
        PublishedTrack track = tracks.get(id);
        if (track == null) {
            throw new RoomException(RoomException.Reason.TRACK_NOT_FOUND, owner.identity() + " publishes no " + id);
        }
        return track;
    }

    private void requireOpen() {
        if (owner.isClosed()) {
            throw new RoomException(RoomException.Reason.PARTICIPANT_NOT_FOUND, owner + " already left");
        }
    }
}
