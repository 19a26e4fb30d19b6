package dev.osprey.media.api;

/**
 * Events for one subscribing participant: a subscription was added or removed, so signaling renegotiates the
 * subscriber peer connection. Called on the control path; must not block.
 */
public interface SubscriptionListener {
    /** Osprey will send {@code subscription.track()} once the subscriber's parameters are set. */
    void trackSubscribed(SubscriptionInfo subscription, TrackInfo track);

    /** The subscription ended (unsubscribe, unpublish, publisher left or permission lost). */
    void trackUnsubscribed(TrackId track);

    /** A listener that ignores everything (tests, participants that never subscribe). */
    SubscriptionListener NONE = new SubscriptionListener() {
        @Override
        public void trackSubscribed(SubscriptionInfo subscription, TrackInfo track) {
        }

        @Override
        public void trackUnsubscribed(TrackId track) {
        }
    };
}
