package dev.osprey.media.api;

import java.util.List;

/** The publishing side of a participant session (AddTrack, mute, unpublish, and the negotiated parameters). */
public interface TrackPublisher {
    /**
     * Publishes a track (AddTrackRequest) and returns its TrackInfo with a fresh {@code TR_} sid. The media itself is
     * routed once {@link #negotiated} binds the client's media section.
     *
     * @throws RoomException {@link RoomException.Reason#PERMISSION_DENIED} without canPublish for the source, or
     *                       {@link RoomException.Reason#INVALID_REQUEST} for a client track id already published
     */
    TrackInfo publish(TrackPublishRequest request);

    /**
     * Binds the media section the publisher's offer negotiated for a published track (matched by signaling through
     * the msid track id = the request's client track id).
     */
    TrackInfo negotiated(TrackId track, RtpParameters parameters);

    /** Mutes or unmutes one of its tracks; returns the new snapshot. */
    TrackInfo setMuted(TrackId track, boolean muted);

    /** Unpublishes one of its tracks; every subscription of it ends. */
    void unpublish(TrackId track);

    /** Its published tracks. */
    List<TrackInfo> tracks();
}
