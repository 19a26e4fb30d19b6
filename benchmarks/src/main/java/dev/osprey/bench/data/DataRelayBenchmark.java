package dev.osprey.bench.data;

import com.google.protobuf.ByteString;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.data.PeerDataChannels;
import dev.osprey.media.data.ParticipantDataPath;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
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
import dev.osprey.signaling.data.DataPacketRouter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The LiveKit data path end to end for one 1 KB reliable user packet from one participant to the ten others of its
 * room: the sender's client association sends it on its {@code _reliable} channel; Osprey's association of the
 * sender's publisher connection reassembles and delivers it; the sender's data path hands it to the
 * {@link DataPacketRouter} (parse, permission, sequence, stamp, one encoding); ten duplicates go through the
 * receivers' data paths to their subscriber connections' {@code _reliable} channels; their client associations
 * receive them and SACK back. Packets travel an in-memory link (no DTLS, no socket); media loops run inline. One op =
 * one message delivered to all ten.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
    "-Djmh.executor=CUSTOM", "-Djmh.executor.class=dev.osprey.bench.media.EventLoopThreadExecutor"})
public class DataRelayBenchmark {
    private static final int RECEIVERS = 10;
    private static final RoomName ROOM = new RoomName("bench");

    private final Wire wire = new Wire();
    private final List<DataChannelTransport> associations = new ArrayList<>();
    private RoomRegistry rooms;
    private DataChannel senderChannel;
    private ByteBuf packet;
    private long delivered;
    private int sequence;

    @Setup(Level.Trial)
    public void setUp() {
        SctpSettings settings = SctpSettings.defaults();
        SctpEndpoint endpoint = new SctpEndpoint(settings, new byte[32], PooledByteBufAllocator.DEFAULT,
                new SplittableRandom(7), new SctpCounters());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        rooms = new RoomRegistry(MediaCoreConfig.DEFAULT, new RoomListener() { }, Clock.systemUTC(), wire::nanoTime,
                new SplittableRandom(1), MediaLoopGroup.of(List.of(MediaLoop.manual(wire::nanoTime))), meters);
        DataPacketRouter router = new DataPacketRouter(rooms, meters);
        ParticipantSession sender = join(router, "sender");
        DataChannelTransport senderClient = connect(endpoint, sender, PeerConnectionRole.PUBLISHER, new Counting());
        senderChannel = senderClient.open("_reliable", ChannelOptions.RELIABLE);
        for (int i = 0; i < RECEIVERS; i++) {
            connect(endpoint, join(router, "receiver-" + i), PeerConnectionRole.SUBSCRIBER, new Counting());
        }
        wire.advanceMillis(50);
        byte[] bytes = DataPacket.newBuilder().setUser(UserPacket.newBuilder().setTopic("chat")
                .setPayload(ByteString.copyFrom(new byte[1024]))).build().toByteArray();
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    private ParticipantSession join(DataPacketRouter router, String identity) {
        ParticipantSession session = rooms.join(ROOM, JoinRequest.of(identity), SubscriptionListener.NONE);
        router.attach(session);
        return session;
    }

    /** Osprey's association for {@code role} of the participant and the client's, linked; returns the client's. */
    private DataChannelTransport connect(SctpEndpoint endpoint, ParticipantSession session, PeerConnectionRole role,
                                         DataChannelListener client) {
        PeerDataChannels side = ((ParticipantDataPath) session.data()).peer(role);
        Link toClient = new Link();
        Link toOsprey = new Link();
        boolean ospreyServer = role == PeerConnectionRole.SUBSCRIBER;
        DataChannelTransport osprey = new DataChannelTransport(endpoint,
                ospreyServer ? DtlsRole.SERVER : DtlsRole.CLIENT, toClient, wire, side);
        DataChannelTransport browser = new DataChannelTransport(endpoint,
                ospreyServer ? DtlsRole.CLIENT : DtlsRole.SERVER, toOsprey, wire, client);
        side.opener((label, options) -> Optional.of(osprey.open(label, options)));
        toClient.target = browser;
        toOsprey.target = osprey;
        associations.add(osprey);
        associations.add(browser);
        osprey.start();
        browser.start();
        wire.advanceMillis(20);
        return browser;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (DataChannelTransport t : associations) {
            t.association().abort("benchmark over");
        }
        wire.pump();
        rooms.close();
        packet.release();
        if (delivered == 0) {
            throw new IllegalStateException("nothing was delivered");
        }
    }

    @Benchmark
    public long relayToTen() {
        // a fresh sequence number each time, as livekit-client numbers its reliable packets
        senderChannel.send(sequenced(++sequence));
        wire.pump();
        wire.tick();
        return delivered;
    }

    /** The packet followed by its {@code sequence} field (16, varint), as protobuf allows fields in any order. */
    private ByteBuf sequenced(int seq) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(packet.readableBytes() + 7);
        out.writeBytes(packet, packet.readerIndex(), packet.readableBytes());
        out.writeByte(0x80).writeByte(0x01); // tag of field 16, wire type 0
        for (int v = seq; ; v >>>= 7) {
            if ((v & ~0x7F) == 0) {
                out.writeByte(v);
                return out;
            }
            out.writeByte((v & 0x7F) | 0x80);
        }
    }

    private final class Counting implements DataChannelListener {
        @Override
        public void onChannelOpen(DataChannel channel) {
        }

        @Override
        public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
            delivered += data.readableBytes();
        }
    }

    /** Queues packets so a send never re-enters the association that sends. */
    private final class Link implements PacketSender {
        DataChannelTransport target;

        @Override
        public void sendPacket(ByteBuf p) {
            wire.packets.add(() -> target.handlePacket(p));
        }
    }

    /** In-memory network and clock: 100 µs per op; timers that come due run then. */
    private static final class Wire implements SctpScheduler {
        private record Task(long at, long seq, Runnable run, boolean[] cancelled) {
        }

        final ArrayDeque<Runnable> packets = new ArrayDeque<>();
        private final PriorityQueue<Task> timers = new PriorityQueue<>((a, b) -> a.at != b.at
                ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
        private long now = 1_000_000_000L;
        private long seq;

        void pump() {
            Runnable next;
            while ((next = packets.poll()) != null) {
                next.run();
            }
        }

        void tick() {
            now += 100_000;
            Task task;
            while ((task = timers.peek()) != null && task.at <= now) {
                timers.poll();
                if (!task.cancelled[0]) {
                    task.run.run();
                }
            }
            pump();
        }

        void advanceMillis(long millis) {
            pump();
            for (long t = 0; t < millis * 10; t++) {
                tick();
            }
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            boolean[] cancelled = {false};
            timers.add(new Task(now + Math.max(0, delayNanos), seq++, task, cancelled));
            return () -> cancelled[0] = true;
        }
    }
}
