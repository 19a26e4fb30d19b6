package dev.osprey.control.db;

/** The per-room switches Bedrud embeds in the room row ({@code settings} in JSON). */
public record RoomSettings(boolean allowChat, boolean allowVideo, boolean allowAudio, boolean requireApproval,
                           boolean e2ee, boolean isPersistent, boolean recordingsAllowed) {

    public RoomSettings withPersistent(boolean value) {
        return new RoomSettings(allowChat, allowVideo, allowAudio, requireApproval, e2ee, value, recordingsAllowed);
    }

    public RoomSettings withRecordingsAllowed(boolean value) {
        return new RoomSettings(allowChat, allowVideo, allowAudio, requireApproval, e2ee, isPersistent, value);
    }
}
