package dev.osprey.media.room;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.metrics.MediaMetrics;
import dev.osprey.media.transport.TransportServices;

import java.time.Clock;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The services every room shares: settings, the wall clock (creation and join times shown to clients), the monotonic
 * clock (timeouts), the random source of sids and SSRCs, the event sink, and the media event loops participants are
 * spread over, the meters, and what peer connection transports are built from ({@code null} without networking, in
 * tests and benchmarks).
 */
record RoomContext(MediaCoreConfig config, Clock wallClock, LongSupplier nanoClock, RandomGenerator random,
                   RoomEvents events, MediaLoopGroup loops, MediaMetrics metrics, TransportServices transports) {
}
