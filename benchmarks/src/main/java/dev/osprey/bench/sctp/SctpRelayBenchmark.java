package dev.osprey.bench.sctp;

import dev.osprey.sctp.DtlsRole;
import dev.osprey.sctp.PacketSender;
import dev.osprey.sctp.SctpCounters;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpScheduler;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;
import dev.osprey.sctp.datachannel.DataChannelListener;
import dev.osprey.sctp.datachannel.DataChannelTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The SFU side of a 1 KB reliable data message relayed to ten subscribers: ten server-side associations each send it
 * on their {@code _reliable} channel to a receiving association through an in-memory link, and every DATA, SACK and
 * delivery runs to completion in the operation. One op = one message to all ten.
 * {@code java -jar benchmarks/target/benchmarks.jar SctpRelay -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SctpRelayBenchmark {
    private static final int SUBSCRIBERS = 10;

    private final Clock clock = new Clock();
    private final ArrayDeque<Runnable> wire = new ArrayDeque<>();
    private final DataChannel[] channels = new DataChannel[SUBSCRIBERS];
    private final DataChannelTransport[] senders = new DataChannelTransport[SUBSCRIBERS];
    private final DataChannelTransport[] receivers = new DataChannelTransport[SUBSCRIBERS];
    private ByteBuf message;
    private long delivered;

    @Setup(Level.Trial)
    public void setUp() {
        SctpSettings settings = new SctpSettings(5000, 5000, 1200, 16, 16, 1 << 20, 4 << 20, 262_144, 8192, 1000,
                200, 10_000, 8, 10, 60_000, 30_000, 0, 16, 16, false);
        SctpEndpoint endpoint = new SctpEndpoint(settings, new byte[32], PooledByteBufAllocator.DEFAULT,
                new SplittableRandom(7), new SctpCounters());
        DataChannelListener counting = new DataChannelListener() {
            @Override
            public void onChannelOpen(DataChannel channel) {
            }

            @Override
            public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
                delivered += data.readableBytes();
            }
        };
        for (int i = 0; i < SUBSCRIBERS; i++) {
            Link toReceiver = new Link();
            Link toSender = new Link();
            senders[i] = new DataChannelTransport(endpoint, DtlsRole.SERVER, toReceiver, clock, counting);
            receivers[i] = new DataChannelTransport(endpoint, DtlsRole.CLIENT, toSender, clock, counting);
            toReceiver.target = receivers[i];
            toSender.target = senders[i];
            senders[i].start();
            receivers[i].start();
            pump();
            channels[i] = senders[i].open("_reliable", ChannelOptions.RELIABLE);
            pump();
        }
        message = PooledByteBufAllocator.DEFAULT.directBuffer(1024).writeZero(1024);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (int i = 0; i < SUBSCRIBERS; i++) {
            senders[i].association().abort("benchmark over");
            receivers[i].association().abort("benchmark over");
        }
        pump();
        message.release();
    }

    @Benchmark
    public long relayToTen() {
        for (DataChannel channel : channels) {
            channel.send(message.retainedDuplicate());
        }
        pump();
        clock.tick();
        return delivered;
    }

    private void pump() {
        Runnable next;
        while ((next = wire.poll()) != null) {
            next.run();
        }
    }

    /** Queues packets so that a send never re-enters the association that is sending. */
    private final class Link implements PacketSender {
        DataChannelTransport target;

        @Override
        public void sendPacket(ByteBuf packet) {
            wire.add(() -> target.handlePacket(packet));
        }
    }

    /** Time moves 100 µs per op; timers that come due (T3 is restarted on every SACK) run then. */
    private static final class Clock implements SctpScheduler {
        private record Task(long at, Runnable run, boolean[] cancelled) {
        }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        private long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delayNanos, task, cancelled));
            return () -> cancelled[0] = true;
        }

        void tick() {
            now += 100_000;
            Task next;
            while ((next = tasks.peek()) != null && next.at <= now) {
                tasks.poll();
                if (!next.cancelled[0]) {
                    next.run.run();
                }
            }
        }
    }
}
