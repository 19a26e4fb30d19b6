package dev.osprey.media.data;

import dev.osprey.dtls.DtlsCertificate;
import dev.osprey.dtls.DtlsConfig;
import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.dtls.DtlsRole;
import dev.osprey.ice.IceLiteAgent;
import dev.osprey.ice.IceNetwork;
import dev.osprey.ice.IceSettings;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.DataReliability;
import dev.osprey.media.api.DtlsSetup;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RemoteTransportDescription;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import dev.osprey.media.transport.TransportServices;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data channels over the real transport stack on loopback sockets: ICE-lite, DTLS in the roles LiveKit clients
 * leave Osprey (client on the publisher connection, server on the subscriber one) and SCTP over DTLS (RFC 8261) at
 * both ends. A message the first participant's stand-in sends on the {@code _reliable} channel it created reaches the
 * data listener; a message sent to the second participant arrives on the {@code _reliable} channel Osprey opened on
 * its subscriber connection.
 */
class DataChannelLoopbackTest {
    private MultiThreadIoEventLoopGroup group;
    private IceLiteAgent agent;
    private DtlsHandshaker handshaker;
    private RoomRegistry rooms;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void setUp() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        agent = new IceLiteAgent(IceSettings.builder().bindAddress("127.0.0.1").udpPort(0).tcpEnabled(false).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), meters, Clock.systemUTC());
        agent.start();
        handshaker = new DtlsHandshaker(DtlsConfig.DEFAULT, DtlsCertificate.generate(), PooledByteBufAllocator.DEFAULT,
                meters);
        TransportServices services = new TransportServices(agent, handshaker, SrtpPolicy.DEFAULT,
                SrtpMetrics.standalone(), SctpEndpoint.create(SctpSettings.defaults()));
        rooms = new RoomRegistry(MediaCoreConfig.DEFAULT, new RoomListener() { }, Clock.systemUTC(), System::nanoTime,
                new SecureRandom(), MediaLoopGroup.of(group, System::nanoTime, 10_000_000L), meters, services);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        rooms.close();
        agent.close();
        handshaker.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private BrowserStandIn standIn() throws Exception {
        BrowserStandIn b = new BrowserStandIn();
        closeables.add(0, b);
        return b;
    }

    @Test
    void messagesCrossRealSctpOverDtlsInBothDirections() throws Exception {
        RoomName room = new RoomName("loopback-data");
        ParticipantSession alice = rooms.join(room, JoinRequest.of("alice"), SubscriptionListener.NONE);
        ParticipantSession bob = rooms.join(room, JoinRequest.of("bob"), SubscriptionListener.NONE);
        BlockingQueue<String> fromAlice = new LinkedBlockingQueue<>();
        alice.data().listen((message, reliability, label) ->
                fromAlice.add(label + " " + reliability + " " + message.toString(StandardCharsets.UTF_8)));

        // alice's publisher connection: she offered actpass with an m=application section; Osprey is the DTLS client
        BrowserStandIn alicePc = standIn();
        LocalTransportDescription alicePub = alice.transports().describe(PeerConnectionRole.PUBLISHER);
        alice.transports().connect(PeerConnectionRole.PUBLISHER,
                new RemoteTransportDescription(List.of(alicePc.fingerprint()), DtlsSetup.ACTPASS, true, 262_144));
        alicePc.connect(alicePub, DtlsRole.SERVER);
        // bob's subscriber connection: Osprey offered, bob answered active; Osprey is the DTLS server
        BrowserStandIn bobPc = standIn();
        LocalTransportDescription bobSub = bob.transports().describe(PeerConnectionRole.SUBSCRIBER);
        bob.transports().connect(PeerConnectionRole.SUBSCRIBER,
                new RemoteTransportDescription(List.of(bobPc.fingerprint()), DtlsSetup.ACTIVE, true, 262_144));
        bobPc.connect(bobSub, DtlsRole.CLIENT);

        alicePc.awaitSctp();
        alicePc.open("_reliable", ChannelOptions.RELIABLE);
        awaitChannel(alicePc, "_reliable");
        alicePc.sendText("_reliable", "hello from alice");
        assertThat(fromAlice.poll(10, TimeUnit.SECONDS)).isEqualTo("_reliable RELIABLE hello from alice");

        bobPc.awaitSctp();
        awaitChannel(bobPc, "_reliable");
        awaitChannel(bobPc, "_lossy");
        assertThat(bobPc.channels.get("_lossy").options().maxRetransmits()).isZero();
        ByteBuf toBob = PooledByteBufAllocator.DEFAULT.buffer();
        toBob.writeCharSequence("to bob", StandardCharsets.UTF_8);
        assertThat(bob.data().send(toBob, DataReliability.RELIABLE)).isTrue();
        assertThat(bobPc.messages.poll(10, TimeUnit.SECONDS)).isEqualTo(new BrowserStandIn.Message("_reliable",
                "to bob"));
    }

    private static void awaitChannel(BrowserStandIn pc, String label) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!pc.channels.containsKey(label) && System.nanoTime() < deadline) {
            Thread.sleep(10); // a real network: the DCEP exchange takes its round trips
        }
        assertThat(pc.channels).containsKey(label);
    }
}
