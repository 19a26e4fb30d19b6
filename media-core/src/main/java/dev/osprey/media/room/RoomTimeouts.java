package dev.osprey.media.room;

import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomSettings;

/**
 * When an empty room closes (livekit-server semantics): a room nobody has joined closes {@code emptyTimeoutSeconds}
 * after its creation; a room whose last participant left closes {@code departureTimeoutSeconds} after that departure.
 * A room with participants never times out. Pure arithmetic on a monotonic nanosecond clock; the registry's one
 * periodic sweep asks every room, so no room owns a timer.
 */
final class RoomTimeouts {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long createdAtNanos;
    private boolean everJoined;
    private long lastDepartureNanos;

    RoomTimeouts(long createdAtNanos) {
        this.createdAtNanos = createdAtNanos;
    }

    void onJoin() {
        everJoined = true;
    }

    void onLastDeparture(long nowNanos) {
        lastDepartureNanos = nowNanos;
    }

    /** The reason the room should close at {@code nowNanos}, or {@code null} while it stays open. */
    RoomCloseReason expiry(RoomSettings settings, int participants, long nowNanos) {
        if (participants > 0) {
            return null;
        }
        if (!everJoined) {
            return nowNanos - createdAtNanos >= settings.emptyTimeoutSeconds() * NANOS_PER_SECOND
                    ? RoomCloseReason.EMPTY_TIMEOUT : null;
        }
        return nowNanos - lastDepartureNanos >= settings.departureTimeoutSeconds() * NANOS_PER_SECOND
                ? RoomCloseReason.DEPARTURE_TIMEOUT : null;
    }
}
