package dev.osprey.ice;

import dev.osprey.stun.StunHeader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connectivity checks captured from Chromium (see {@code chrome/README.md}) get the answer RFC 8445 §7.3 requires,
 * and the answer is verified with the JDK's HMAC and CRC-32 rather than this project's codec.
 */
class ChromeInteropTest {
    private static final IceCredentials CAPTURE = new IceCredentials("CaptureUfrag", "CaptureOnlyPassword0123456789ab");
    private static final InetSocketAddress CHROME = new InetSocketAddress("127.0.0.1", 58923);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MultiThreadIoEventLoopGroup group;
    private EmbeddedChannel channel;
    private RecordingListener listener;
    private IceTransport transport;

    @BeforeEach
    void setUp() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        IceLiteAgent agent = new IceLiteAgent(IceSettings.defaults(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), registry, new TestClock());
        channel = new EmbeddedChannel(agent.newUdpHandler());
        listener = new RecordingListener();
        transport = agent.createTransport(CAPTURE, listener, channel.eventLoop());
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static byte[] resource(String name) {
        try (InputStream in = ChromeInteropTest.class.getResourceAsStream("chrome/" + name)) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] exchange(byte[] request) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(request), null, CHROME));
        DatagramPacket out = channel.readOutbound();
        assertThat(out).isNotNull();
        try {
            assertThat(out.recipient()).isEqualTo(CHROME);
            return ByteBufUtil.getBytes(out.content());
        } finally {
            out.release();
        }
    }

    @Test
    void chromeCheckGetsTheRequiredSuccessResponse() throws Exception {
        byte[] request = resource("binding-request.hex");
        byte[] response = exchange(request);

        ByteBuffer r = ByteBuffer.wrap(response);
        assertThat(r.getShort(0)).isEqualTo((short) 0x0101);                        // Binding success response
        assertThat(r.getShort(2)).isEqualTo((short) (response.length - 20));
        assertThat(r.getInt(4)).isEqualTo(StunHeader.MAGIC_COOKIE);
        assertThat(Arrays.copyOfRange(response, 8, 20)).isEqualTo(Arrays.copyOfRange(request, 8, 20));
        // XOR-MAPPED-ADDRESS, IPv4, port and address XOR-ed with the cookie (RFC 8489 §14.2)
        assertThat(r.getShort(20)).isEqualTo((short) 0x0020);
        assertThat(r.getShort(22)).isEqualTo((short) 8);
        assertThat(r.get(25)).isEqualTo((byte) 0x01);
        assertThat(r.getShort(26) & 0xFFFF).isEqualTo(58923 ^ 0x2112);
        assertThat(r.getInt(28)).isEqualTo(0x7F000001 ^ StunHeader.MAGIC_COOKIE);
        // MESSAGE-INTEGRITY: HMAC-SHA1 keyed with the ICE password over the message up to it, length patched
        assertThat(r.getShort(32)).isEqualTo((short) 0x0008);
        assertThat(r.getShort(34)).isEqualTo((short) 20);
        byte[] signed = Arrays.copyOfRange(response, 0, 32);
        signed[2] = 0;
        signed[3] = 32 - 20 + 24;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(CAPTURE.password().getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
        assertThat(Arrays.copyOfRange(response, 36, 56)).isEqualTo(mac.doFinal(signed));
        // FINGERPRINT last: CRC-32 of everything before it XOR 0x5354554E
        assertThat(response.length).isEqualTo(64);
        assertThat(r.getShort(56)).isEqualTo((short) 0x8028);
        CRC32 crc = new CRC32();
        crc.update(response, 0, 56);
        assertThat(r.getInt(60)).isEqualTo((int) crc.getValue() ^ 0x5354554E);

        assertThat(transport.selectedPair()).isNull(); // Chromium has not nominated yet
        assertThat(registry.get("osprey.ice.binding.responses").tag("code", "200").counter().count()).isEqualTo(1);
    }

    @Test
    void chromeNominationSelectsThePairAndItsDtlsReachesTheTransport() {
        exchange(resource("binding-request.hex"));
        byte[] response = exchange(resource("binding-request-use-candidate.hex"));
        Responses.assertSuccess(response, Checks.transactionId(resource("binding-request-use-candidate.hex")),
                CHROME, CAPTURE.password());
        FiveTuple selected = RecordingListener.next(listener.selected);
        assertThat(selected.remote()).isEqualTo(CHROME);
        assertThat(selected.protocol()).isEqualTo(TransportProtocol.UDP);

        byte[] hello = resource("dtls-client-hello.hex");
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(hello), null, CHROME));
        RecordingListener.Packet got = RecordingListener.next(listener.packets);
        assertThat(got.bytes()).isEqualTo(hello);
        assertThat(got.from()).isEqualTo(selected);
    }

    /** A check whose FINGERPRINT no longer matches is not answered at all: it may not even be STUN. */
    @Test
    void tamperedChromeCheckIsDroppedSilently() {
        byte[] tampered = resource("binding-request.hex");
        tampered[40] ^= 1; // inside USERNAME's remote half
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(tampered), null, CHROME));
        Object answer = channel.readOutbound();
        assertThat(answer).isNull();
        assertThat(registry.get("osprey.ice.dropped.packets").tag("reason", "bad_fingerprint").counter().count())
                .isEqualTo(1);
    }

    /** The same check against a transport with that ufrag but another password: 401 (RFC 8489 §9.1.3). */
    @Test
    void chromeCheckAgainstAnotherPasswordIs401() {
        transport.close();
        channel.runPendingTasks();
        IceCredentials other = new IceCredentials(CAPTURE.ufrag(), "SomeOtherPassword0123456789");
        IceLiteAgent agent = new IceLiteAgent(IceSettings.defaults(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), registry, new TestClock());
        EmbeddedChannel ch = new EmbeddedChannel(agent.newUdpHandler());
        agent.createTransport(other, new RecordingListener(), ch.eventLoop());
        byte[] request = resource("binding-request.hex");
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(request), null, CHROME));
        DatagramPacket out = ch.readOutbound();
        try {
            Responses.assertError(ByteBufUtil.getBytes(out.content()), Checks.transactionId(request),
                    dev.osprey.stun.StunErrorCode.UNAUTHENTICATED, null);
        } finally {
            out.release();
            ch.finishAndReleaseAll();
        }
    }
}
