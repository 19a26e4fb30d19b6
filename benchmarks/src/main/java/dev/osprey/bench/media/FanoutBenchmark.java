package dev.osprey.bench.media;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.Codec;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.FmtpParameters;
import dev.osprey.media.api.HeaderExtension;
import dev.osprey.media.api.HeaderExtensionUri;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RtcpFeedback;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import dev.osprey.media.forward.EgressSink;
import dev.osprey.media.loop.MediaLoop;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.peer.PublisherMedia;
import dev.osprey.media.room.Participant;
import dev.osprey.media.room.RoomRegistry;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.extension.HeaderExtensionEditor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One publisher packet through media-core to N subscribers: the publisher's entry point parses the 1200-byte VP8
 * packet (MID, RID, transport-cc, abs-capture-time extensions), records its transport-wide sequence number, routes it
 * to the layer's receiver (statistics, NACK state, key-frame tag, retained in the retransmission cache), and fans it
 * out: each subscriber's forwarder rewrites numbering and makes its one pooled copy with the header rewritten (SSRC,
 * payload type, sequence number, timestamp, extensions renumbered with MID/RID/transport-cc removed and abs-send-time
 * added, VP8 PictureID/TL0PICIDX). The sink stands in for the transport and releases the copy (no SRTP, no socket).
 * Each operation also copies the template packet into a fresh pooled buffer, as a socket read would. It runs on a
 * Netty {@code FastThreadLocalThread} with Unsafe memory access allowed, as the server's event loops do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    // what the ./osprey launcher passes on JDK 23+: Netty's Unsafe-based copies need it
    "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
    // media code runs on event-loop threads (FastThreadLocalThread), where Netty recycles buffer objects
    "-Djmh.executor=CUSTOM", "-Djmh.executor.class=dev.osprey.bench.media.EventLoopThreadExecutor"})
public class FanoutBenchmark {
    private static final int MID_ID = 4;
    private static final int RID_ID = 10;
    private static final int TWCC_ID = 3;
    private static final int CAPTURE_ID = 7;
    private static final int SSRC = 0x1003;
    private static final int PACKET_BYTES = 1200;

    @Param({"1", "10", "50"})
    public int subscribers;

    private RoomRegistry rooms;
    private PublisherMedia publisher;
    private byte[] template;
    private int twccOffset;
    private int seq;
    private int ts;
    private long now;

    /** The transport's stand-in: counts what it is handed and releases it, as a transport would after writing. */
    static final class ReleasingSink implements EgressSink {
        long bytes;

        @Override
        public ByteBufAllocator allocator() {
            return PooledByteBufAllocator.DEFAULT;
        }

        @Override
        public void sendRtp(ByteBuf packet) {
            bytes += packet.readableBytes();
            packet.release();
        }

        @Override
        public void sendRtcp(ByteBuf packet) {
            packet.release();
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        MediaLoop loop = MediaLoop.manual(System::nanoTime);
        rooms = new RoomRegistry(MediaCoreConfig.DEFAULT, new RoomListener() { }, Clock.systemUTC(), System::nanoTime,
                new SecureRandom(), MediaLoopGroup.of(List.of(loop)), new SimpleMeterRegistry());
        RoomName room = new RoomName("bench");
        ParticipantSession alice = rooms.join(room, JoinRequest.of("alice"), SubscriptionListener.NONE);
        Participant publisherParticipant = (Participant) alice;
        publisherParticipant.publisherMedia().attach(new ReleasingSink());
        publisher = publisherParticipant.publisherMedia();
        List<ParticipantSession> subscriberSessions = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            ParticipantSession s = rooms.join(room, JoinRequest.of("s" + i), SubscriptionListener.NONE);
            ((Participant) s).subscriberMedia().attach(new ReleasingSink());
            subscriberSessions.add(s);
        }
        TrackInfo camera = alice.publisher().publish(TrackPublishRequest.video("cam", TrackSource.CAMERA, MimeType.VP8,
                1280, 720, List.of(Encoding.ofRid("f", LayerQuality.HIGH, 1280, 720))));
        alice.publisher().negotiated(camera.id(), published());
        for (ParticipantSession s : subscriberSessions) {
            s.subscriber().negotiated(camera.id(), subscribed());
        }
        template = buildTemplate();
    }

    private static RtpParameters published() {
        return new RtpParameters("1", MediaKind.VIDEO, List.of(new Codec(MimeType.VP8, 96, 90000, 0, FmtpParameters.NONE,
                Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.TRANSPORT_CC)),
                new Codec(MimeType.RTX, 97, 90000, 0, FmtpParameters.of(Map.of("apt", "96")), Set.of())),
                List.of(new HeaderExtension(HeaderExtensionUri.MID, MID_ID),
                        new HeaderExtension(HeaderExtensionUri.RTP_STREAM_ID, RID_ID),
                        new HeaderExtension(HeaderExtensionUri.TRANSPORT_WIDE_CC, TWCC_ID),
                        new HeaderExtension(HeaderExtensionUri.ABS_CAPTURE_TIME, CAPTURE_ID)),
                List.of(Encoding.ofRid("f", LayerQuality.HIGH, 0, 0)), "cname", "stream", "cam");
    }

    private static RtpParameters subscribed() {
        return new RtpParameters("0", MediaKind.VIDEO, List.of(new Codec(MimeType.VP8, 100, 90000, 0,
                FmtpParameters.NONE, Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.GOOG_REMB))),
                List.of(new HeaderExtension(HeaderExtensionUri.ABS_SEND_TIME, 2),
                        new HeaderExtension(HeaderExtensionUri.ABS_CAPTURE_TIME, 6)),
                List.of(), "", "", "");
    }

    /** A 1200-byte VP8 key-frame packet with Chrome's publisher extensions, built with the rtp module. */
    private byte[] buildTemplate() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET_BYTES + 128);
        try {
            buf.setIndex(64, 64);
            RtpPacket.writeFixedHeader(buf, false, 96, 0, 0, SSRC);
            buf.writeBytes(new byte[] {(byte) 0x90, (byte) 0xC0, (byte) 0x80, 1, 0, 0x10});
            buf.writeZero(PACKET_BYTES - 12 - 6 - 28);
            RtpPacket packet = new RtpPacket().wrap(buf);
            new HeaderExtensionEditor().begin(packet)
                    .put(MID_ID, "1".getBytes(StandardCharsets.US_ASCII))
                    .put(RID_ID, "f".getBytes(StandardCharsets.US_ASCII))
                    .putInt(TWCC_ID, 0, 2)
                    .put(CAPTURE_ID, new byte[8])
                    .apply();
            twccOffset = packet.extensionValueIndex(TWCC_ID) - packet.offset();
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    @Benchmark
    public void fanOut() {
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(template.length);
        in.writeBytes(template);
        seq = (seq + 1) & 0xFFFF;
        ts += 3000;
        in.setShort(2, seq);
        in.setInt(4, ts);
        in.setShort(twccOffset, seq);
        now += 1_000_000L;
        publisher.onRtp(in, now);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rooms.close();
    }
}
