package dev.osprey.media.room;

import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackSettings;
import dev.osprey.media.forward.SenderParameters;
import dev.osprey.media.forward.TrackFanout;
import dev.osprey.media.forward.TrackSender;
import dev.osprey.media.metrics.MeterSet;

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
    private TrackSender sender;
    private MeterSet meters = MeterSet.NONE;

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

    void setSettings(TrackSettings newSettings) {
        this.settings = newSettings;
        if (sender != null) {
            sender.updateSettings(newSettings);
        }
    }

    RtpParameters parameters() {
        return parameters;
    }

    /**
     * The subscriber's answer negotiated the outgoing section.
     *
     * @throws IllegalArgumentException when it shares no codec with what the publisher sends
     */
    void setParameters(RtpParameters newParameters) {
        RtpParameters published = track.parameters();
        if (published != null) {
            SenderParameters.compile(published, newParameters); // reject before storing
        }
        this.parameters = newParameters;
        connect();
    }

    /**
     * Starts (or updates) forwarding once both sides are negotiated: the sender joins the track's fan-out snapshot
     * and the subscriber's RTCP routing.
     */
    void connect() {
        TrackFanout fanout = track.fanout();
        RtpParameters published = track.parameters();
        if (fanout == null || published == null || parameters == null) {
            return;
        }
        SenderParameters compiled;
        try {
            compiled = SenderParameters.compile(published, parameters);
        } catch (IllegalArgumentException e) {
            disconnect(); // a renegotiated publisher codec the subscriber lacks: nothing can be forwarded
            return;
        }
        if (compiled.transportSequenceId() > 0) {
            subscriber.subscriberMedia().setTransportSequenceId(compiled.transportSequenceId());
        }
        if (sender == null) {
            sender = new TrackSender(fanout, subscriber.subscriberMedia().downlink(), info.ssrc(), info.rtxSsrc());
            sender.updateSettings(settings);
            sender.setParameters(compiled);
            subscriber.subscriberMedia().add(sender);
            fanout.add(sender);
            meters = subscriber.roomObject().context().metrics().subscription(subscriber.roomObject().name().value(),
                    subscriber.identity().value(), sender);
        } else {
            sender.setParameters(compiled);
        }
    }

    /** Stops forwarding: out of the fan-out snapshot first, then out of RTCP routing, then closed. */
    void disconnect() {
        if (sender != null) {
            sender.fanout().remove(sender);
            subscriber.subscriberMedia().remove(sender);
            sender.close();
            sender = null;
            meters.close();
            meters = MeterSet.NONE;
        }
    }

    /** The hot-path side, {@code null} until both sides are negotiated. */
    TrackSender sender() {
        return sender;
    }

    @Override
    public String toString() {
        return "Subscription[" + subscriber.identity() + " ← " + track.id() + "]";
    }
}
