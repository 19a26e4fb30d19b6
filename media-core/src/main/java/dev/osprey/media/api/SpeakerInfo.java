package dev.osprey.media.api;

import java.util.Objects;

/**
 * One entry of a speakers-changed event (LiveKit SpeakerInfo): the smoothed audio level of a participant's loudest
 * microphone track and whether it counts as speaking.
 *
 * @param participant who
 * @param level       linear level 0..1 derived from RFC 6464 -dBov values (1 is full scale)
 * @param active      speaking, with hysteresis
 */
public record SpeakerInfo(ParticipantId participant, float level, boolean active) {
    public SpeakerInfo {
        Objects.requireNonNull(participant, "participant");
        if (!(level >= 0f && level <= 1f)) {
            throw new IllegalArgumentException("level must be 0..1, was " + level);
        }
    }
}
