package dev.osprey.bench.ice;

import dev.osprey.ice.IceCredentials;
import dev.osprey.ice.IceLiteAgent;
import dev.osprey.ice.IceNetwork;
import dev.osprey.ice.IceSettings;
import dev.osprey.ice.IceTransport;
import dev.osprey.ice.IceTransportListener;
import dev.osprey.ice.FiveTuple;
import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.IceControlling;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.Username;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Cost per packet of the UDP mux's receive path for checks that fail authentication, as in a flood: the receive
 * buffer is handed to the pipeline as a socket would (retained, since the benchmark reuses it), and the error
 * budget is spent, so the agent only counts and drops. {@code validCheck} is the authenticated path for
 * comparison (decode, answer, pair bookkeeping).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BadCredentialFloodBenchmark {
    private MultiThreadIoEventLoopGroup group;
    private EmbeddedChannel channel;
    private DatagramPacket unknownUfrag;
    private DatagramPacket wrongPassword;
    private DatagramPacket valid;

    @Setup
    public void setUp() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        IceLiteAgent agent = new IceLiteAgent(IceSettings.builder().errorResponsesPerSecond(0).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class),
                new SimpleMeterRegistry(), Clock.systemUTC());
        channel = new EmbeddedChannel(agent.newUdpHandler());
        IceCredentials real = IceCredentials.random();
        IceTransport t = agent.createTransport(real, new Discard(), channel.eventLoop());
        InetSocketAddress attacker = new InetSocketAddress("203.0.113.9", 4000);
        unknownUfrag = packet(check(IceCredentials.random().ufrag(), "SomePassword0123456789xy"), attacker);
        wrongPassword = packet(check(real.ufrag(), "NotThePassword0123456789"), attacker);
        valid = packet(check(real.ufrag(), real.password()), new InetSocketAddress("198.51.100.2", 5000));
        if (t.localCredentials() != real) {
            throw new IllegalStateException("transport not registered");
        }
    }

    @TearDown
    public void tearDown() {
        unknownUfrag.release();
        wrongPassword.release();
        valid.release();
        channel.finishAndReleaseAll();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    private static byte[] check(String ufrag, String password) {
        StunMessage m = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username(ufrag + ":peer"))
                .add(new IceControlling(42))
                .add(new Priority(0x6e001eff))
                .build();
        ByteBuf out = Unpooled.buffer();
        StunEncoder.encode(m, out, MessageProtection.integrity(IntegrityKey.shortTerm(password)).withFingerprint());
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        return bytes;
    }

    /**
     * A pooled direct buffer, as a socket delivers datagrams; it is reused (retained per operation), so the
     * harness itself allocates nothing per operation.
     */
    private static DatagramPacket packet(byte[] bytes, InetSocketAddress from) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
        buf.writeBytes(bytes);
        return new DatagramPacket(buf, null, from);
    }

    @Benchmark
    public void unknownUfrag() {
        unknownUfrag.content().retain();
        channel.pipeline().fireChannelRead(unknownUfrag);
    }

    @Benchmark
    public void wrongPassword() {
        wrongPassword.content().retain();
        channel.pipeline().fireChannelRead(wrongPassword);
    }

    @Benchmark
    public void validCheck() {
        valid.content().retain();
        channel.pipeline().fireChannelRead(valid);
        DatagramPacket answer = channel.readOutbound();
        answer.release();
    }

    private static final class Discard implements IceTransportListener {
        @Override
        public void onPacket(IceTransport transport, FiveTuple from, ByteBuf packet) {
            packet.release();
        }
    }
}
