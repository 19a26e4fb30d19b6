package dev.osprey.signaling.rooms;

import dev.osprey.media.api.RoomSettings;
import dev.osprey.signaling.api.RoomServiceException;

import java.util.Map;
import java.util.Objects;

/**
 * The server API's room defaults and limits, with livekit-server's defaults ({@code room.*} and {@code limit.*} of its
 * config). A limit of 0 means unlimited, as there.
 *
 * @param defaultRoomSettings      what CreateRoom uses for a timeout or participant limit it leaves at 0
 * @param enableRemoteUnmute       whether MutePublishedTrack may unmute ({@code room.enable_remote_unmute})
 * @param maxMetadataBytes         largest room or participant metadata, in UTF-8 bytes
 * @param maxAttributesBytes       largest sum of attribute key and value lengths, in UTF-8 bytes
 * @param maxRoomNameLength        longest room name, in UTF-8 bytes
 * @param maxParticipantNameLength longest participant name, in UTF-8 bytes
 */
public record RoomServiceConfig(RoomSettings defaultRoomSettings, boolean enableRemoteUnmute, int maxMetadataBytes,
                                int maxAttributesBytes, int maxRoomNameLength, int maxParticipantNameLength) {

    /** livekit-server's {@code limit.max_metadata_size}. */
    public static final int DEFAULT_MAX_METADATA_BYTES = 512 * 1024;
    /** livekit-server's {@code limit.max_attributes_size}. */
    public static final int DEFAULT_MAX_ATTRIBUTES_BYTES = 64 * 1024;
    /** livekit-server's {@code limit.max_room_name_length} and {@code limit.max_participant_name_length}. */
    public static final int DEFAULT_MAX_NAME_LENGTH = 256;

    public RoomServiceConfig {
        Objects.requireNonNull(defaultRoomSettings, "defaultRoomSettings");
        if (maxMetadataBytes < 0 || maxAttributesBytes < 0 || maxRoomNameLength < 0 || maxParticipantNameLength < 0) {
            throw new IllegalArgumentException("limits must not be negative (0 means unlimited)");
        }
    }

    /** livekit-server's defaults around the room settings media-core gives auto-created rooms. */
    public static RoomServiceConfig of(RoomSettings defaultRoomSettings) {
        return new RoomServiceConfig(defaultRoomSettings, false, DEFAULT_MAX_METADATA_BYTES,
                DEFAULT_MAX_ATTRIBUTES_BYTES, DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_NAME_LENGTH);
    }

    /** The same with remote unmute allowed or not. */
    public RoomServiceConfig withRemoteUnmute(boolean enabled) {
        return new RoomServiceConfig(defaultRoomSettings, enabled, maxMetadataBytes, maxAttributesBytes,
                maxRoomNameLength, maxParticipantNameLength);
    }

    /** LiveKit's CreateRoom check; its message carries the limit. */
    void checkRoomName(String name) {
        if (exceeds(utf8Length(name), maxRoomNameLength)) {
            throw invalid("room name length exceeds limits: max length " + maxRoomNameLength);
        }
    }

    void checkParticipantName(String name) {
        if (exceeds(utf8Length(name), maxParticipantNameLength)) {
            throw invalid("name length exceeds limits " + maxParticipantNameLength);
        }
    }

    void checkMetadata(String metadata) {
        if (exceeds(utf8Length(metadata), maxMetadataBytes)) {
            throw invalid("metadata size exceeds limits " + maxMetadataBytes);
        }
    }

    void checkAttributes(Map<String, String> attributes) {
        long total = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            total += utf8Length(attribute.getKey()) + utf8Length(attribute.getValue());
        }
        if (exceeds(total, maxAttributesBytes)) {
            throw invalid("attribute size exceeds limits " + maxAttributesBytes);
        }
    }

    private static boolean exceeds(long length, int limit) {
        return limit > 0 && length > limit;
    }

    /** The length livekit-server measures: Go's {@code len} of a string is its UTF-8 byte count. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3; // a lone surrogate is encoded as U+FFFD, also three bytes
            }
        }
        return bytes;
    }

    /** twirp's {@code InvalidArgumentError(argument, validationMsg)} joins the two with a space, as here. */
    private static RoomServiceException invalid(String message) {
        return new RoomServiceException(RoomServiceException.Code.INVALID_ARGUMENT, message);
    }
}
