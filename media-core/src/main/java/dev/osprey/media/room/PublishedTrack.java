package dev.osprey.media.room;

import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.audio.AudioLevelMeter;
import dev.osprey.media.forward.TrackFanout;
import dev.osprey.media.metrics.MeterSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A track a participant publishes: what it asked for, its mute state, the media section it was negotiated on and the
 * subscriptions to it. Guarded by the room's monitor.
 */
public final class PublishedTrack {
    private final TrackId id;
    private final Participant owner;
    private final TrackPublishRequest request;
    private final Set<Subscription> subscriptions = new LinkedHashSet<>();
    private boolean muted;
    private RtpParameters parameters;
    private TrackFanout fanout;
    private MeterSet meters = MeterSet.NONE;

    PublishedTrack(TrackId id, Participant owner, TrackPublishRequest request) {
        this.id = id;
        this.owner = owner;
        this.request = request;
        this.muted = request.muted();
    }

    public TrackId id() {
        return id;
    }

    Participant owner() {
        return owner;
    }

    TrackPublishRequest request() {
        return request;
    }

    TrackInfo info() {
        MimeType mime = parameters == null ? request.mimeType()
                : parameters.primaryCodec().map(c -> c.mimeType()).orElse(request.mimeType());
        String mid = parameters == null ? "" : parameters.mid();
        return new TrackInfo(id, ownerId(), request, mime, mid, muted);
    }

    private ParticipantId ownerId() {
        return owner.id();
    }

    boolean muted() {
        return muted;
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    RtpParameters parameters() {
        return parameters;
    }

    /**
     * Binds the negotiated media section: the first time creates the track's fan-out and routes the publisher's
     * section to it; a renegotiation updates it. Subscribers waiting for it start.
     */
    void setParameters(RtpParameters newParameters) {
        this.parameters = newParameters;
        RoomContext context = owner.roomObject().context();
        if (fanout == null) {
            fanout = new TrackFanout(id, request, newParameters, owner.publisherMedia().rtcp(), owner.loop(),
                    context.config(), context.wallClock());
            meters = context.metrics().track(owner.roomObject().name().value(), owner.identity().value(), fanout);
        } else {
            fanout.applyParameters(newParameters);
        }
        owner.publisherMedia().addTrack(newParameters, fanout);
        for (Subscription s : subscriptions) {
            s.connect();
        }
    }

    /** The audio level meter of a negotiated microphone-like track, else {@code null}. */
    AudioLevelMeter audioLevelMeter() {
        return fanout == null || muted || fanout.isVideo() ? null : fanout.receivers()[0].audioLevel();
    }

    /** The hot-path side of the track, {@code null} until negotiated. */
    TrackFanout fanout() {
        return fanout;
    }

    /** Stops media: routing removed, cached packets released. Subscriptions were ended first. */
    void close() {
        if (fanout != null) {
            owner.publisherMedia().removeTrack(fanout);
        }
        meters.close();
    }

    void addSubscription(Subscription s) {
        subscriptions.add(s);
    }

    void removeSubscription(Subscription s) {
        subscriptions.remove(s);
    }

    List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions);
    }

    @Override
    public String toString() {
        return "PublishedTrack[" + id + " of " + owner.identity() + "]";
    }
}
