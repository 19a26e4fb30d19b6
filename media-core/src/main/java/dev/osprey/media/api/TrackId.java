package dev.osprey.media.api;

import java.util.random.RandomGenerator;

/**
 * The server id of a published track: {@code TR_} and 12 base62 characters when generated here (livekit-protocol.md §2.1).
 *
 * @param value the sid, e.g. {@code TR_4xVkq0bG9ZtM}
 */
public record TrackId(String value) {
    public static final String PREFIX = "TR_";

    /** @throws IllegalArgumentException unless {@code value} is {@value #PREFIX} followed by base62 characters */
    public TrackId {
        Sids.check(PREFIX, value);
    }

    /** A fresh random sid. */
    public static TrackId generate(RandomGenerator random) {
        return new TrackId(Sids.generate(PREFIX, random));
    }

    @Override
    public String toString() {
        return value;
    }
}
