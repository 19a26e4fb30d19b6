package dev.osprey.control.livekit;

import dev.osprey.control.auth.AuthState;
import dev.osprey.control.db.Room;
import dev.osprey.control.db.Store;
import dev.osprey.control.room.MediaRooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bedrud's housekeeping (bedrud-api.md §6): every minute, non-persistent rooms past {@code expires_at} and active
 * non-persistent rooms older than five minutes with nobody in the media room become inactive (an idle room found
 * occupied on an immediate recheck is re-activated); once an hour, expired revocations are pruned and guests older
 * than seven days are deleted. {@link #runOnce()} is the whole pass, so tests drive it with their own clock.
 */
public final class RoomScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoomScheduler.class);
    static final Duration IDLE_GRACE = Duration.ofMinutes(5);
    static final Duration GUEST_RETENTION = Duration.ofDays(7);
    private static final long HOUSEKEEPING_EVERY = 60;

    private final Store store;
    private final MediaRooms media;
    private final AuthState authState;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private long passes;

    public RoomScheduler(Store store, MediaRooms media, AuthState authState, Clock clock) {
        this.store = store;
        this.media = media;
        this.authState = authState;
        this.clock = clock;
    }

    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "osprey-control-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::safePass, 1, 1, TimeUnit.MINUTES);
    }

    private void safePass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("room housekeeping failed", e);
        }
    }

    /** One housekeeping pass; returns how many rooms it ended. */
    public synchronized int runOnce() {
        long now = clock.millis();
        int ended = 0;
        for (Room room : store.rooms().listExpired(now)) {
            deactivate(room, now);
            ended++;
        }
        for (Room room : store.rooms().listIdleCandidates(now - IDLE_GRACE.toMillis())) {
            if (media.participants(room.name()).isEmpty()) {
                deactivate(room, now);
                if (!media.participants(room.name()).isEmpty()) {
                    store.rooms().setActive(room.id(), true, now);
                } else {
                    ended++;
                }
            }
        }
        if (passes++ % HOUSEKEEPING_EVERY == 0) {
            authState.prune();
            store.users().deleteGuestsCreatedBefore(now - GUEST_RETENTION.toMillis());
        }
        return ended;
    }

    private void deactivate(Room room, long now) {
        store.participants().markAllLeft(room.id(), now);
        store.rooms().setActive(room.id(), false, now);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
