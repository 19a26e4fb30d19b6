package dev.osprey.media.room;

/**
 * LiveKit's auto-subscribe policy (JoinRequest {@code auto_subscribe}, default on): a newcomer subscribes to every
 * track already published, and every new track is subscribed by everyone else who auto-subscribes. Called with the
 * room's monitor held.
 */
final class AutoSubscription {
    private AutoSubscription() {
    }

    static void onJoin(Room room, Participant newcomer) {
        if (!newcomer.subscribesAutomatically()) {
            return;
        }
        for (Participant other : room.participants()) {
            if (other == newcomer) {
                continue;
            }
            for (PublishedTrack track : other.publisherRole().publishedTracks()) {
                newcomer.subscriberRole().add(track);
            }
        }
    }

    static void onPublish(Room room, PublishedTrack track) {
        for (Participant other : room.participants()) {
            if (other != track.owner() && other.subscribesAutomatically()) {
                other.subscriberRole().add(track);
            }
        }
    }
}
