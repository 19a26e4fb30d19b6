package dev.osprey.ice;

import dev.osprey.stun.StunErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4571 framing on an in-memory connection, with frames split and joined across reads at every boundary. */
class IceTcpFramingTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MultiThreadIoEventLoopGroup group;
    private IceLiteAgent agent;
    private EmbeddedChannel connection;

    @BeforeEach
    void setUp() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        agent = new IceLiteAgent(IceSettings.builder().tcpAuthTimeout(Duration.ofSeconds(10)).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), registry, new TestClock());
        connection = new EmbeddedChannel(agent.newTcpChannelInitializer());
    }

    @AfterEach
    void tearDown() {
        connection.finishAndReleaseAll();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static byte[] framed(byte[]... packets) {
        ByteBuf out = Unpooled.buffer();
        for (byte[] p : packets) {
            out.writeShort(p.length).writeBytes(p);
        }
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        return bytes;
    }

    /** Everything written back, de-framed. */
    private List<byte[]> outboundFrames() {
        ByteBuf all = Unpooled.buffer();
        for (Object o; (o = connection.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            all.writeBytes(b);
            b.release();
        }
        List<byte[]> frames = new ArrayList<>();
        while (all.readableBytes() >= 2) {
            int len = all.readUnsignedShort();
            byte[] f = new byte[len];
            all.readBytes(f);
            frames.add(f);
        }
        assertThat(all.readableBytes()).isZero();
        all.release();
        return frames;
    }

    @Test
    void framesSplitAndJoinedAcrossReads() {
        IceCredentials a = IceCredentials.random();
        RecordingListener l = new RecordingListener();
        IceTransport t = agent.createTransport(a, l, connection.eventLoop());
        byte[] check = Checks.check(a, true);
        byte[] stream = framed(check, Checks.rtp(1), Checks.rtp(2));
        // split inside the first length field, inside the check, across the check/RTP boundary, then the rest
        int[] cuts = {1, 2, 30, check.length + 3, stream.length};
        int from = 0;
        for (int cut : cuts) {
            connection.writeInbound(Unpooled.wrappedBuffer(stream, from, cut - from));
            from = cut;
        }
        List<byte[]> answers = outboundFrames();
        assertThat(answers).hasSize(1);
        Responses.assertSuccess(answers.get(0), Checks.transactionId(check), new InetSocketAddress(0), a.password());
        assertThat(RecordingListener.next(l.packets).bytes()).isEqualTo(Checks.rtp(1));
        assertThat(RecordingListener.next(l.packets).bytes()).isEqualTo(Checks.rtp(2));
        assertThat(t.selectedPair().protocol()).isEqualTo(TransportProtocol.TCP);

        t.send(Unpooled.wrappedBuffer(Checks.rtp(3)));
        assertThat(outboundFrames()).containsExactly(Checks.rtp(3));
    }

    @Test
    void mediaBeforeAValidCheckIsDroppedAndBadChecksAreAnswered() {
        IceCredentials a = IceCredentials.random();
        agent.createTransport(a, new RecordingListener(), connection.eventLoop());
        byte[] wrong = Checks.request(a, "peer", "NotThePassword0123456789", true);
        connection.writeInbound(Unpooled.wrappedBuffer(framed(Checks.rtp(1), wrong, new byte[0])));
        List<byte[]> answers = outboundFrames();
        assertThat(answers).hasSize(1);
        Responses.assertError(answers.get(0), Checks.transactionId(wrong), StunErrorCode.UNAUTHENTICATED, null);
        assertThat(registry.get("osprey.ice.dropped.packets").tag("reason", "unknown_source").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("osprey.ice.dropped.packets").tag("reason", "empty").counter().count()).isEqualTo(1);
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void connectionWithoutAValidCheckIsClosedAfterTheTimeout() {
        connection.writeInbound(Unpooled.wrappedBuffer(framed(Checks.rtp(1))));
        connection.advanceTimeBy(9, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).isTrue();
        connection.advanceTimeBy(1, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void authenticatedConnectionOutlivesTheTimeoutAndItsLossIsReported() {
        IceCredentials a = IceCredentials.random();
        RecordingListener l = new RecordingListener();
        IceTransport t = agent.createTransport(a, l, connection.eventLoop());
        connection.writeInbound(Unpooled.wrappedBuffer(framed(Checks.check(a, true))));
        outboundFrames();
        connection.advanceTimeBy(11, TimeUnit.SECONDS);
        connection.runScheduledPendingTasks();
        assertThat(connection.isOpen()).isTrue();
        connection.close();
        connection.runPendingTasks();
        assertThat(t.state()).isEqualTo(IceTransportState.DISCONNECTED);
        // a closed connection is a lost path, not lost consent
        assertThat(registry.get("osprey.ice.consent.expired").counter().count()).isZero();
    }
}
