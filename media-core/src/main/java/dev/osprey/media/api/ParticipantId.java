package dev.osprey.media.api;

import java.util.random.RandomGenerator;

/**
 * The server id of a participant: {@code PA_} and 12 base62 characters when generated here (livekit-protocol.md §2.1).
 *
 * @param value the sid, e.g. {@code PA_4xVkq0bG9ZtM}
 */
public record ParticipantId(String value) {
    public static final String PREFIX = "PA_";

    /** @throws IllegalArgumentException unless {@code value} is {@value #PREFIX} followed by base62 characters */
    public ParticipantId {
        Sids.check(PREFIX, value);
    }

    /** A fresh random sid. */
    public static ParticipantId generate(RandomGenerator random) {
        return new ParticipantId(Sids.generate(PREFIX, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
