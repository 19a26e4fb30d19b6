package dev.osprey.media.room;

import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackSettings;
import dev.osprey.media.api.TrackSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The subscribing role of a participant: its subscriptions and the SSRCs they are sent with. */
final class ParticipantSubscriber implements TrackSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantSubscriber.class);

    private final Participant owner;
    private final SubscriptionListener listener;
    private final Map<TrackId, Subscription> subscriptions = new LinkedHashMap<>();
    private final SsrcAllocator ssrcs;

    ParticipantSubscriber(Participant owner, SubscriptionListener listener) {
        this.owner = owner;
        this.listener = listener;
        this.ssrcs = new SsrcAllocator(owner.roomObject().context().random());
    }

    private Room room() {
        return owner.roomObject();
    }

    @Override
    public SubscriptionInfo subscribe(TrackId trackId) {
        synchronized (room()) {
            if (owner.isClosed()) {
                throw new RoomException(RoomException.Reason.PARTICIPANT_NOT_FOUND, owner + " already left");
            }
            if (!owner.permission().canSubscribe()) {
                throw new RoomException(RoomException.Reason.PERMISSION_DENIED, owner.identity() + " may not subscribe");
            }
            PublishedTrack track = room().track(trackId);
            if (track == null) {
                throw new RoomException(RoomException.Reason.TRACK_NOT_FOUND, "no track " + trackId + " in the room");
            }
            if (track.owner() == owner) {
                throw new RoomException(RoomException.Reason.INVALID_REQUEST, "a participant cannot subscribe to itself");
            }
            return add(track).info();
        }
    }

    /** Monitor held: the subscription to {@code track}, created if needed (auto-subscribe and explicit). */
    Subscription add(PublishedTrack track) {
        Subscription existing = subscriptions.get(track.id());
        if (existing != null) {
            return existing;
        }
        long ssrc = ssrcs.allocate();
        Subscription s = new Subscription(track, owner, ssrc, ssrcs.allocate());
        subscriptions.put(track.id(), s);
        track.addSubscription(s);
        notifySubscribed(s);
        return s;
    }

    @Override
    public boolean unsubscribe(TrackId trackId) {
        synchronized (room()) {
            Subscription s = subscriptions.get(trackId);
            if (s == null) {
                return false;
            }
            end(s);
            return true;
        }
    }

    @Override
    public void negotiated(TrackId trackId, RtpParameters parameters) {
        synchronized (room()) {
            Subscription s = require(trackId);
            if (parameters.kind() != s.info().kind()) {
                throw new RoomException(RoomException.Reason.INVALID_REQUEST, "a " + parameters.kind()
                        + " section for " + s.info().kind() + " track " + trackId);
            }
            try {
                s.setParameters(parameters);
            } catch (IllegalArgumentException e) {
                throw new RoomException(RoomException.Reason.INVALID_REQUEST, e.getMessage());
            }
        }
    }

    @Override
    public void updateSettings(TrackId trackId, TrackSettings settings) {
        synchronized (room()) {
            require(trackId).setSettings(settings);
        }
    }

    @Override
    public List<SubscriptionInfo> subscriptions() {
        synchronized (room()) {
            List<SubscriptionInfo> infos = new ArrayList<>(subscriptions.size());
            subscriptions.values().forEach(s -> infos.add(s.info()));
            return infos;
        }
    }

    Subscription subscription(TrackId trackId) {
        return subscriptions.get(trackId);
    }

    /** Monitor held: ends one subscription and tells the listener. */
    void end(Subscription s) {
        if (subscriptions.remove(s.track().id(), s)) {
            s.disconnect();
            s.track().removeSubscription(s);
            ssrcs.release(s.info().ssrc());
            ssrcs.release(s.info().rtxSsrc());
            notifyUnsubscribed(s);
        }
    }

    void endAll() {
        for (Subscription s : new ArrayList<>(subscriptions.values())) {
            end(s);
        }
    }

    private Subscription require(TrackId trackId) {
        Subscription s = subscriptions.get(trackId);
        if (s == null) {
            throw new RoomException(RoomException.Reason.TRACK_NOT_FOUND, owner.identity() + " is not subscribed to " + trackId);
        }
        return s;
    }

    private void notifySubscribed(Subscription s) {
        try {
            listener.trackSubscribed(s.info(), s.track().info());
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("participant", owner.id().value()).setCause(e).log("subscription listener threw");
        }
    }

    private void notifyUnsubscribed(Subscription s) {
        try {
            listener.trackUnsubscribed(s.track().id());
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("participant", owner.id().value()).setCause(e).log("subscription listener threw");
        }
    }
}
