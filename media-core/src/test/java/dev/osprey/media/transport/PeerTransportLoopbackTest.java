package dev.osprey.media.transport;

import dev.osprey.dtls.DtlsCertificate;
import dev.osprey.dtls.DtlsConfig;
import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.dtls.DtlsRole;
import dev.osprey.ice.IceLiteAgent;
import dev.osprey.ice.IceNetwork;
import dev.osprey.ice.IceSettings;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.DtlsSetup;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RemoteTransportDescription;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TransportState;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import dev.osprey.media.testing.MediaParameters;
import dev.osprey.media.testing.RecordingSink;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.media.testing.SyntheticRtp;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two participants over real loopback sockets: each with ICE (a check with USE-CANDIDATE from a stand-in browser),
 * DTLS in the role SDP decides (Osprey is the DTLS client on the publisher connection, the server on the subscriber
 * connection, as with LiveKit clients) and SRTP both ways. The publisher's encrypted VP8 arrives decrypted and
 * rewritten at the subscriber's stand-in.
 */
class PeerTransportLoopbackTest {
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

    private LoopbackPeer peer() throws Exception {
        LoopbackPeer p = new LoopbackPeer();
        closeables.add(0, p);
        return p;
    }

    @Test
    void aPublishersSrtpReachesASubscriberDecryptedRewrittenAndReEncrypted() throws Exception {
        RoomName room = new RoomName("loopback");
        ParticipantSession alice = rooms.join(room, JoinRequest.of("alice"), SubscriptionListener.NONE);
        List<SubscriptionInfo> bobSubs = new ArrayList<>();
        ParticipantSession bob = rooms.join(room, JoinRequest.of("bob"), new SubscriptionListener() {
            @Override
            public void trackSubscribed(SubscriptionInfo s, TrackInfo track) {
                bobSubs.add(s);
            }

            @Override
            public void trackUnsubscribed(TrackId track) {
            }
        });
        TrackInfo camera = alice.publisher().publish(MediaParameters.cameraRequest());
        alice.publisher().negotiated(camera.id(), MediaParameters.publishedVideo("1"));
        bob.subscriber().negotiated(camera.id(), MediaParameters.subscribedVideo("0", false));

        // publisher connection: the client offered actpass, Osprey answered active: Osprey is the DTLS client
        LoopbackPeer alicePeer = peer();
        LocalTransportDescription alicePc = alice.transports().describe(PeerConnectionRole.PUBLISHER);
        assertThat(alicePc.iceLite()).isTrue();
        alice.transports().connect(PeerConnectionRole.PUBLISHER,
                new RemoteTransportDescription(List.of(alicePeer.fingerprint()), DtlsSetup.ACTPASS, false, 0));
        alicePeer.connect(alicePc, DtlsRole.SERVER);
        // subscriber connection: Osprey offered actpass, the client answered active: Osprey is the DTLS server
        LoopbackPeer bobPeer = peer();
        LocalTransportDescription bobPc = bob.transports().describe(PeerConnectionRole.SUBSCRIBER);
        bob.transports().connect(PeerConnectionRole.SUBSCRIBER,
                new RemoteTransportDescription(List.of(bobPeer.fingerprint()), DtlsSetup.ACTIVE, false, 0));
        bobPeer.connect(bobPc, DtlsRole.CLIENT);

        alicePeer.awaitConnected();
        bobPeer.awaitConnected();
        SyntheticRtp rtp = new SyntheticRtp();
        rtp.pt(MediaParameters.PUB_VP8).seq(7).ts(90_000).ssrc(SfuFixture.SSRC_F)
                .ext(MediaParameters.PUB_MID, "1").ext(MediaParameters.PUB_RID, "f")
                .payload(SyntheticRtp.vp8(true, true, 5, 1, 100));
        byte[] plain = bytes(rtp.build());
        // the keys are in place on Osprey's side too once it reports CONNECTED; send until the stream starts
        byte[] received = null;
        for (int attempt = 0; attempt < 50 && received == null; attempt++) {
            alicePeer.sendRtp(plain);
            received = bobPeer.rtp.poll(100, TimeUnit.MILLISECONDS);
        }
        assertThat(received).as("the forwarded packet").isNotNull();
        RtpPacket out = RecordingSink.parse(received);
        assertThat(Integer.toUnsignedLong(out.ssrc())).isEqualTo(bobSubs.get(0).ssrc());
        assertThat(out.payloadType()).isEqualTo(MediaParameters.SUB_VP8);
        assertThat(out.payloadLength()).isEqualTo(106);
        assertThat(alice.transports().state(PeerConnectionRole.PUBLISHER)).isEqualTo(TransportState.CONNECTED);
        assertThat(bob.transports().state(PeerConnectionRole.SUBSCRIBER)).isEqualTo(TransportState.CONNECTED);
        assertThat(alice.info().state()).isEqualTo(ParticipantState.ACTIVE);
        assertThat(bob.transports().state(PeerConnectionRole.PUBLISHER)).isEqualTo(TransportState.NEW);
    }

    private static byte[] bytes(ByteBuf b) {
        try {
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    @Test
    void withoutTransportServicesTransportsAreRefused() {
        RoomRegistry plain = new RoomRegistry(MediaCoreConfig.DEFAULT, new RoomListener() { }, Clock.systemUTC(),
                System::nanoTime, new SplittableRandom(1), MediaLoopGroup.of(group, System::nanoTime, 10_000_000L),
                new SimpleMeterRegistry());
        try {
            ParticipantSession p = plain.join(new RoomName("r"), JoinRequest.of("x"), SubscriptionListener.NONE);
            assertThatThrownBy(() -> p.transports().describe(PeerConnectionRole.PUBLISHER))
                    .isInstanceOfSatisfying(RoomException.class,
                            e -> assertThat(e.reason()).isEqualTo(RoomException.Reason.INVALID_REQUEST));
        } finally {
            plain.close();
        }
    }
}
