package dev.osprey.media.api;

import java.util.random.RandomGenerator;

/**
 * The server id of a room: {@code RM_} and 12 base62 characters when generated here (livekit-protocol.md §2.1).
 *
 * @param value the sid, e.g. {@code RM_4xVkq0bG9ZtM}
 */
public record RoomId(String value) {
    public static final String PREFIX = "RM_";

    /** @throws IllegalArgumentException unless {@code value} is {@value #PREFIX} followed by base62 characters */
    public RoomId {
        Sids.check(PREFIX, value);
    }

    /** A fresh random sid. */
    public static RoomId generate(RandomGenerator random) {
        return new RoomId(Sids.generate(PREFIX, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
