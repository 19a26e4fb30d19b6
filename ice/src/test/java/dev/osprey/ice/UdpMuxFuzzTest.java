package dev.osprey.ice;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Jazzer target for the receive paths: arbitrary datagrams into the UDP demultiplexer and arbitrary byte streams
 * into the ICE-TCP framing, with a registered transport whose credentials the corpus knows
 * ({@code FuzzUfrag}/{@code FuzzPassword0123456789ab}). Nothing may throw out of the pipeline and nothing may leak;
 * the corpus under {@code UdpMuxFuzzTestInputs/receive} runs in every build.
 */
class UdpMuxFuzzTest {
    static final IceCredentials CREDENTIALS = new IceCredentials("FuzzUfrag", "FuzzPassword0123456789ab");

    /**
     * The input is a sequence of records: one byte whose low bit picks UDP (1) or TCP (0), a two-byte length, and
     * that many bytes (fewer at the end) as one datagram or as the next piece of the TCP byte stream.
     */
    @FuzzTest(maxDuration = "60s")
    void receive(byte[] input) {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            IceLiteAgent agent = new IceLiteAgent(IceSettings.defaults(),
                    IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class),
                    new SimpleMeterRegistry(), new TestClock());
            EmbeddedChannel udp = new EmbeddedChannel(agent.newUdpHandler());
            EmbeddedChannel tcp = new EmbeddedChannel(agent.newTcpChannelInitializer());
            RecordingListener listener = new RecordingListener();
            agent.createTransport(CREDENTIALS, listener, udp.eventLoop());
            InetSocketAddress from = new InetSocketAddress("192.0.2.1", 5000);
            for (int pos = 0; pos + 3 <= input.length; ) {
                boolean viaUdp = (input[pos] & 1) == 1;
                int length = Math.min(((input[pos + 1] & 0xFF) << 8) | (input[pos + 2] & 0xFF), input.length - pos - 3);
                byte[] packet = java.util.Arrays.copyOfRange(input, pos + 3, pos + 3 + length);
                pos += 3 + length;
                if (viaUdp) {
                    udp.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(packet), null, from));
                } else if (tcp.isOpen()) {
                    tcp.writeInbound(Unpooled.wrappedBuffer(packet));
                }
                udp.checkException();
            }
            udp.finishAndReleaseAll();
            tcp.finishAndReleaseAll();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }
}
