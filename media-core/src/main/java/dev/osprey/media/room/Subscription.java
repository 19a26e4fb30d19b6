package dev.osprey.media.room;

import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackSettings;

/**
 * One participant's subscription to another's track: the SSRCs Osprey sends it with, the subscriber's settings and
 * the parameters its answer negotiated. Guarded by the room's monitor.
 */
public final class Subscription {
    private final PublishedTrack track;
    private final Participant subscriber;
    private final SubscriptionInfo info;
    private TrackSettings settings = TrackSettings.DEFAULT;
    private RtpParameters parameters;

    Subscription(PublishedTrack track, Participant subscriber, long ssrc, long rtxSsrc) {
        this.track = track;
        this.subscriber = subscriber;
        this.info = new SubscriptionInfo(track.id(), track.owner().id(), track.request().kind(), ssrc, rtxSsrc,
                track.owner().id().value()); // one CNAME per publisher: its audio and video share it

    }

    PublishedTrack track() {
        return track;
    }

    Participant subscriber() {
        return subscriber;
    }

    SubscriptionInfo info() {
        return info;
    }

    TrackSettings settings() {
        return settings;
    }

    void setSettings(TrackSettings settings) {
        this.settings = settings;
    }

    RtpParameters parameters() {
        return parameters;
    }

    void setParameters(RtpParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String toString() {
        return "Subscription[" + subscriber.identity() + " ← " + track.id() + "]";
    }
}
