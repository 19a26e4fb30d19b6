package dev.osprey.signaling.session;

import dev.osprey.dtls.DtlsCertificate;
import dev.osprey.dtls.DtlsConfig;
import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.ice.IceLiteAgent;
import dev.osprey.ice.IceNetwork;
import dev.osprey.ice.IceSettings;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import dev.osprey.media.transport.TransportServices;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.signaling.auth.ClaimGrants;
import dev.osprey.signaling.auth.VideoGrant;
import dev.osprey.signaling.data.DataPacketRouter;
import dev.osprey.signaling.join.ConnectRejection;
import dev.osprey.signaling.join.ParticipantInit;
import dev.osprey.signaling.ws.SignalOutput;
import dev.osprey.signaling.ws.SignalSession;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import livekit.LivekitModels;
import livekit.LivekitRtc.ICEServer;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRoom.CreateRoomRequest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real SFU without browsers: media-core's room registry over an ICE-lite agent on an ephemeral loopback port, and
 * signal sessions opened through {@link RtcSessionManager} as the WebSocket layer opens them, writing into
 * {@link Client}s that record every response.
 */
final class SessionFixture implements AutoCloseable {
    static final Map<String, String> KEYS = Map.of("devkey", "secret-secret-secret-secret-secret");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final DefaultEventLoop executor = new DefaultEventLoop();
    final IceLiteAgent agent;
    final DtlsHandshaker handshaker;
    final RoomRegistry rooms;
    final RtcSessionManager manager;

    SessionFixture(boolean autoCreate, RoomSettings roomSettings, Duration resumeWindow) {
        this(autoCreate, roomSettings, resumeWindow, Duration.ofMinutes(5));
    }

    SessionFixture(boolean autoCreate, RoomSettings roomSettings, Duration resumeWindow, Duration tokenRefresh) {
        agent = new IceLiteAgent(IceSettings.builder().bindAddress("127.0.0.1").udpPort(0).tcpEnabled(false).build(),
                IceNetwork.of(group, NioDatagramChannel.class, NioServerSocketChannel.class), meters, Clock.systemUTC());
        agent.start();
        handshaker = new DtlsHandshaker(DtlsConfig.DEFAULT, DtlsCertificate.generate(), PooledByteBufAllocator.DEFAULT,
                meters);
        TransportServices services = new TransportServices(agent, handshaker, SrtpPolicy.DEFAULT,
                SrtpMetrics.standalone(), SctpEndpoint.create(SctpSettings.defaults()));
        SessionSettings defaults = SessionSettings.defaults("1.0-test", "ND_test", KEYS, sid -> List.of(
                ICEServer.newBuilder().addUrls("turn:127.0.0.1:3478?transport=udp").setUsername(sid).build()));
        SessionSettings settings = new SessionSettings(defaults.serverVersion(), defaults.debugInfo(),
                defaults.nodeId(), defaults.capabilities(), defaults.iceServers(), defaults.pingInterval(),
                defaults.pingTimeout(),
                resumeWindow, tokenRefresh, defaults.tokenTtl(), KEYS);
        RoomListenerRelay relay = new RoomListenerRelay();
        rooms = new RoomRegistry(MediaCoreConfig.DEFAULT.withRooms(autoCreate, roomSettings), relay,
                Clock.systemUTC(), System::nanoTime, new SecureRandom(), MediaLoopGroup.of(group, System::nanoTime,
                10_000_000L), meters, services);
        manager = new RtcSessionManager(rooms, settings, new DataPacketRouter(rooms, meters), meters);
        relay.target = manager.roomEvents();
        manager.start(executor);
    }

    SessionFixture() {
        this(true, RoomSettings.DEFAULT, Duration.ofSeconds(15));
    }

    static ParticipantInit init(String room, String identity, VideoGrant video, boolean reconnect, String sid) {
        ClaimGrants grants = new ClaimGrants(identity, identity + " name", LivekitModels.ParticipantInfo.Kind.STANDARD,
                List.of(), video, "", Map.of(), "", null, "");
        return new ParticipantInit(room, grants, "devkey", Instant.now().plusSeconds(600),
                LivekitModels.ClientInfo.getDefaultInstance(), true, null, false, false, reconnect, sid,
                LivekitModels.ReconnectReason.RR_UNKNOWN, null, CreateRoomRequest.getDefaultInstance());
    }

    static VideoGrant grant(String room, Boolean canPublish, Boolean canUpdateOwnMetadata, boolean hidden) {
        return new VideoGrant(false, false, false, false, true, room, canPublish, null, null, List.of(),
                canUpdateOwnMetadata, false, hidden, false, false, null, null, null);
    }

    /** Opens and attaches a session the way the WebSocket layer does, on the fixture's executor. */
    Client connect(ParticipantInit init) throws Exception {
        Client client = new Client();
        client.session = executor.submit(() -> {
            try {
                return manager.open(init, executor);
            } catch (ConnectRejection e) {
                client.rejection = e;
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        if (client.session != null) {
            client.session.attach(client);
        }
        settle();
        return client;
    }

    Client join(String room, String identity) throws Exception {
        return connect(init(room, identity, grant(room, null, null, false), false, ""));
    }

    /** Lets every task queued on the session executor (and the ones they queue) run. */
    void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        manager.close();
        rooms.close();
        agent.close();
        handshaker.close();
        executor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A client's signal connection: what it was sent, and whether it is closed. */
    static final class Client implements SignalOutput {
        final List<SignalResponse> received = new CopyOnWriteArrayList<>();
        SignalSession session;
        ConnectRejection rejection;
        volatile boolean closed;
        volatile int closeCode;

        @Override
        public void send(SignalResponse response) {
            if (!closed) {
                received.add(response);
            }
        }

        @Override
        public void close(int code, String reason) {
            closed = true;
            closeCode = code;
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        List<SignalResponse> of(SignalResponse.MessageCase kind) {
            return received.stream().filter(r -> r.getMessageCase() == kind).toList();
        }

        SignalResponse last(SignalResponse.MessageCase kind) {
            List<SignalResponse> all = of(kind);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }
    }

    /** The registry wants its listener before the manager exists. */
    private static final class RoomListenerRelay implements RoomListener {
        volatile RoomListener target;

        @Override
        public void participantJoined(RoomInfo room, ParticipantInfo p) {
            target.participantJoined(room, p);
        }

        @Override
        public void participantUpdated(RoomInfo room, ParticipantInfo p) {
            target.participantUpdated(room, p);
        }

        @Override
        public void participantLeft(RoomInfo room, ParticipantInfo p,
                                    DisconnectReason reason) {
            target.participantLeft(room, p, reason);
        }

        @Override
        public void trackPublished(RoomInfo room, ParticipantInfo p,
                                   TrackInfo track) {
            target.trackPublished(room, p, track);
        }

        @Override
        public void trackUnpublished(RoomInfo room, ParticipantInfo p,
                                     TrackInfo track) {
            target.trackUnpublished(room, p, track);
        }

        @Override
        public void trackMuted(RoomInfo room, ParticipantInfo p,
                               TrackInfo track) {
            target.trackMuted(room, p, track);
        }

        @Override
        public void roomUpdated(RoomInfo room) {
            target.roomUpdated(room);
        }
    }
}
