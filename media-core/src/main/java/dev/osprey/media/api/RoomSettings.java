package dev.osprey.media.api;

/**
 * Per-room limits (LiveKit CreateRoomRequest / room config).
 *
 * @param emptyTimeoutSeconds     how long a room nobody has joined stays open after creation
 * @param departureTimeoutSeconds how long a room stays open after its last participant left
 * @param maxParticipants         most participants at once; 0 means unlimited
 */
public record RoomSettings(int emptyTimeoutSeconds, int departureTimeoutSeconds, int maxParticipants) {
    /** livekit-server's defaults: 5 min empty timeout, 20 s departure timeout, no participant limit. */
    public static final RoomSettings DEFAULT = new RoomSettings(300, 20, 0);

    public RoomSettings {
        if (emptyTimeoutSeconds < 0 || departureTimeoutSeconds < 0 || maxParticipants < 0) {
            throw new IllegalArgumentException("room timeouts and participant limit must not be negative");
        }
    }

    public boolean admits(int participantsAfterJoin) {
        return maxParticipants == 0 || participantsAfterJoin <= maxParticipants;
    }
}
