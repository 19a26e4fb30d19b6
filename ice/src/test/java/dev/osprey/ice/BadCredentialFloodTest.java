package dev.osprey.ice;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of checks with bad credentials (unknown ufrag, wrong password, no credentials) creates no state,
 * answers no more than the error budget, and allocates nothing per packet on the receive path.
 */
class BadCredentialFloodTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock();
    private MultiThreadIoEventLoopGroup group;
    private IceLiteAgent agent;
    private UdpMuxHandler mux;
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        agent = new IceLiteAgent(IceSettings.builder().errorResponsesPerSecond(10).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), registry, clock);
        ChannelHandler handler = agent.newUdpHandler();
        mux = (UdpMuxHandler) handler;
        channel = new EmbeddedChannel(handler);
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private double dropped(DropReason r) {
        return registry.get("osprey.ice.dropped.packets").tag("reason", r.tag()).counter().count();
    }

    @Test
    void floodCreatesNoStateAndAnswersWithinBudget() {
        IceCredentials real = IceCredentials.random();
        RecordingListener listener = new RecordingListener();
        IceTransport t = agent.createTransport(real, listener, channel.eventLoop());
        byte[][] bad = {
                Checks.check(IceCredentials.random(), true),                              // unknown ufrag
                Checks.request(real, "peer", "NotThePassword0123456789", true),           // wrong password
                Checks.encode(dev.osprey.stun.StunMessage.builder(dev.osprey.stun.StunClass.REQUEST,
                        dev.osprey.stun.StunMethod.BINDING, dev.osprey.stun.TransactionId.random()).build(),
                        dev.osprey.stun.MessageProtection.FINGERPRINT)};                  // no credentials
        InetSocketAddress attacker = new InetSocketAddress("203.0.113.9", 4000);
        for (int i = 0; i < 3000; i++) {
            channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bad[i % 3]), null,
                    new InetSocketAddress("203.0.113.9", 4000 + i)));
        }
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(Checks.rtp(1)), null, attacker));
        int answered = 0;
        for (Object out; (out = channel.readOutbound()) != null; answered++) {
            ((DatagramPacket) out).release();
        }
        assertThat(answered).isEqualTo(10); // one second's budget at 10/s, with the clock standing still
        assertThat(dropped(DropReason.UNKNOWN_UFRAG)).isEqualTo(1000);
        assertThat(dropped(DropReason.BAD_INTEGRITY)).isEqualTo(1000);
        assertThat(dropped(DropReason.MISSING_CREDENTIALS)).isEqualTo(1000);
        assertThat(dropped(DropReason.UNKNOWN_SOURCE)).isEqualTo(1);
        assertThat(mux.routeCount()).isZero();
        assertThat(((LiteTransport) t).pairsOnLoop()).isEmpty();
        assertThat(t.state()).isEqualTo(IceTransportState.NEW);
        assertThat(listener.selected).isEmpty();

        clock.advance(java.time.Duration.ofMillis(100)); // the budget refills at 10/s
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bad[0]), null, attacker));
        DatagramPacket one = channel.readOutbound();
        assertThat(one).isNotNull();
        one.release();
    }

    /**
     * The receive path of a rejected check allocates nothing: the same receive buffer is fed 20 000 times (retained
     * each time, as a socket would hand over a fresh one) and the thread's allocation counter barely moves. Heap
     * and direct buffers (wrapped, so the paranoid leak detector does not record every read) take different copy
     * paths, so both are measured.
     */
    @Test
    void rejectedChecksAllocateNothingPerPacket() {
        measure(false);
        measure(true);
    }

    private void measure(boolean direct) {
        agent = new IceLiteAgent(IceSettings.builder().errorResponsesPerSecond(0).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), registry, clock);
        IceCredentials real = IceCredentials.random();
        agent.createTransport(real, new RecordingListener(), channel.eventLoop());
        EmbeddedChannel ch = new EmbeddedChannel(agent.newUdpHandler());
        ByteBuf unknown = buffer(Checks.check(IceCredentials.random(), true), direct);
        ByteBuf wrong = buffer(Checks.request(real, "peer", "NotThePassword0123456789", true), direct);
        DatagramPacket a = new DatagramPacket(unknown, null, new InetSocketAddress("203.0.113.9", 4000));
        DatagramPacket b = new DatagramPacket(wrong, null, new InetSocketAddress("203.0.113.9", 4001));
        feed(ch, a, b, 20_000); // warm up: thread locals, counters, JIT
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        feed(ch, a, b, 20_000);
        long perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / 40_000;
        assertThat(perPacket).as(direct ? "direct buffers" : "heap buffers").isZero();
        unknown.release();
        wrong.release();
        ch.finishAndReleaseAll();
        assertThat(registry.find("osprey.ice.dropped.packets").tag("reason", "bad_integrity").counter().count())
                .isEqualTo(direct ? 80_000 : 40_000);
    }

    private static ByteBuf buffer(byte[] bytes, boolean direct) {
        if (!direct) {
            return Unpooled.wrappedBuffer(bytes);
        }
        java.nio.ByteBuffer nio = java.nio.ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.wrappedBuffer(nio);
    }

    private static void feed(EmbeddedChannel ch, DatagramPacket a, DatagramPacket b, int rounds) {
        for (int i = 0; i < rounds; i++) {
            a.content().retain();
            ch.pipeline().fireChannelRead(a);
            b.content().retain();
            ch.pipeline().fireChannelRead(b);
        }
    }
}
