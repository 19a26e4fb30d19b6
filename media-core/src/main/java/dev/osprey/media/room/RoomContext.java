package dev.osprey.media.room;

import dev.osprey.media.MediaCoreConfig;

import java.time.Clock;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The services every room shares: settings, the wall clock (creation and join times shown to clients), the monotonic
 * clock (timeouts), the random source of sids and SSRCs, and the event sink.
 */
record RoomContext(MediaCoreConfig config, Clock wallClock, LongSupplier nanoClock, RandomGenerator random,
                   RoomEvents events) {
}
