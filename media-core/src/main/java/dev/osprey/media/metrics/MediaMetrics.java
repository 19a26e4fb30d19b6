package dev.osprey.media.metrics;

import dev.osprey.media.forward.TrackFanout;
import dev.osprey.media.forward.TrackReceiver;
import dev.osprey.media.forward.TrackSender;
import dev.osprey.media.peer.PublisherMedia;
import dev.osprey.media.peer.SubscriberMedia;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * media-core's meters ({@code osprey.media.*}, Prometheus {@code osprey_media_*}), tagged by room, participant and
 * track. Meters are resolved once when a room, participant, track or subscription starts; counters are function
 * counters over the plain fields the hot path increments on its loop, so forwarding a packet costs no meter lookup,
 * no tag and no atomic operation. A stale read at scrape time is fine for monitoring.
 */
public final class MediaMetrics {
    private final MeterRegistry registry;
    private final Timer joinTime;
    private final Counter roomsStarted;
    private final Counter roomsFinished;

    public MediaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.joinTime = Timer.builder("osprey.media.join.time")
                .description("from admission to the first connected peer connection (participant ACTIVE)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.roomsStarted = Counter.builder("osprey.media.rooms.started").register(registry);
        this.roomsFinished = Counter.builder("osprey.media.rooms.finished").register(registry);
    }

    public void recordJoinTime(long nanos) {
        joinTime.record(Duration.ofNanos(Math.max(0, nanos)));
    }

    /** Gauges of a room's size; removed with the returned set. */
    public MeterSet room(String room, IntSupplier participants, IntSupplier publishers) {
        roomsStarted.increment();
        MeterSet set = new MeterSet(registry);
        Tags tags = Tags.of("room", room);
        set.add(gauge("osprey.media.room.participants", tags, participants, IntSupplier::getAsInt));
        set.add(gauge("osprey.media.room.publishers", tags, publishers, IntSupplier::getAsInt));
        return set;
    }

    public void roomFinished() {
        roomsFinished.increment();
    }

    /** Counters of what a participant's transports delivered that could not be used. */
    public MeterSet participant(String room, String participant, PublisherMedia publisher, SubscriberMedia subscriber) {
        MeterSet set = new MeterSet(registry);
        Tags tags = Tags.of("room", room, "participant", participant);
        set.add(counter("osprey.media.participant.rtp.in", tags, publisher, PublisherMedia::rtpPacketCount));
        set.add(counter("osprey.media.participant.rtp.malformed", tags, publisher, PublisherMedia::malformedRtpCount));
        set.add(counter("osprey.media.participant.rtp.unknown.ssrc", tags, publisher,
                p -> p.demultiplexer().unknownSsrcCount()));
        set.add(counter("osprey.media.participant.rtcp.malformed", tags.and("direction", "publisher"), publisher,
                PublisherMedia::malformedRtcpCount));
        set.add(counter("osprey.media.participant.rtcp.malformed", tags.and("direction", "subscriber"), subscriber,
                SubscriberMedia::malformedRtcpCount));
        return set;
    }

    /** A published track: packets and bytes in, loss, NACKs and PLIs sent to the publisher, subscribers. */
    public MeterSet track(String room, String participant, TrackFanout fanout) {
        MeterSet set = new MeterSet(registry);
        Tags tags = Tags.of("room", room, "participant", participant, "track", fanout.trackId().value(),
                "kind", fanout.kind().typeName());
        set.add(counter("osprey.media.track.packets.in", tags, fanout, f -> sum(f, TrackReceiver::packets)));
        set.add(counter("osprey.media.track.bytes.in", tags, fanout, f -> sum(f, TrackReceiver::bytes)));
        set.add(counter("osprey.media.track.packets.lost", tags, fanout, f -> sum(f, TrackReceiver::lost)));
        set.add(counter("osprey.media.track.nacks.sent", tags, fanout, TrackFanout::nacksSent));
        set.add(counter("osprey.media.track.plis.sent", tags, fanout, f -> f.keyframes().sentCount()));
        set.add(gauge("osprey.media.track.subscribers", tags, fanout, TrackFanout::subscriberCount));
        return set;
    }

    /** A subscription: packets and bytes out, retransmissions, NACKs and PLIs received, reported loss and RTT. */
    public MeterSet subscription(String room, String subscriber, TrackSender sender) {
        MeterSet set = new MeterSet(registry);
        Tags tags = Tags.of("room", room, "participant", subscriber, "track", sender.fanout().trackId().value(),
                "kind", sender.fanout().kind().typeName());
        set.add(counter("osprey.media.subscription.packets.out", tags, sender, TrackSender::packetsSent));
        set.add(counter("osprey.media.subscription.bytes.out", tags, sender, TrackSender::bytesSent));
        set.add(counter("osprey.media.subscription.retransmissions", tags, sender, TrackSender::retransmitted));
        set.add(counter("osprey.media.subscription.nacks.received", tags, sender, TrackSender::nacksReceived));
        set.add(counter("osprey.media.subscription.plis.received", tags, sender, TrackSender::keyframeRequestsReceived));
        set.add(gauge("osprey.media.subscription.fraction.lost", tags, sender, s -> s.fractionLost() / 256.0));
        set.add(gauge("osprey.media.subscription.rtt.seconds", tags, sender, s -> s.rttNanos() / 1e9));
        return set;
    }

    private static double sum(TrackFanout fanout, ToLongFunction<TrackReceiver> field) {
        long total = 0;
        for (TrackReceiver r : fanout.receivers()) {
            total += field.applyAsLong(r);
        }
        return total;
    }

    /** Its source is held by the room model for as long as the meter is registered (its {@link MeterSet}). */
    private <T> FunctionCounter counter(String name, Tags tags, T source, ToDoubleFunction<T> read) {
        return FunctionCounter.builder(name, source, read).tags(tags).register(registry);
    }

    /** Strongly referenced (a supplier may have no other reference): removed with its {@link MeterSet}. */
    private <T> Gauge gauge(String name, Tags tags, T source, ToDoubleFunction<T> read) {
        return Gauge.builder(name, source, read).tags(tags).strongReference(true).register(registry);
    }
}
