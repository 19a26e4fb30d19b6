package dev.osprey.media.api;

import java.util.List;

/** The subscribing side of a participant session (UpdateSubscription, UpdateTrackSettings). */
public interface TrackSubscriber {
    /**
     * Subscribes to a track; idempotent. The {@link SubscriptionListener} hears about it and signaling renegotiates.
     *
     * @throws RoomException {@link RoomException.Reason#PERMISSION_DENIED} without canSubscribe, or
     *                       {@link RoomException.Reason#TRACK_NOT_FOUND}
     */
    SubscriptionInfo subscribe(TrackId track);

    /** Ends a subscription; {@code false} when there was none. */
    boolean unsubscribe(TrackId track);

    /**
     * The subscriber's answer negotiated the outgoing stream: codecs with its payload types and its header extension
     * IDs. Forwarding starts (with a keyframe request) once this is set.
     */
    void negotiated(TrackId track, RtpParameters parameters);

    /** Applies UpdateTrackSettings: pause, or the displayed size that picks the simulcast layer. */
    void updateSettings(TrackId track, TrackSettings settings);

    /** Current subscriptions. */
    List<SubscriptionInfo> subscriptions();
}
