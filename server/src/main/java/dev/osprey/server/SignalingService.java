package dev.osprey.server;

import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.Rooms;
import dev.osprey.server.config.OspreyConfig;
import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import dev.osprey.signaling.session.RtcSessionManager;
import dev.osprey.signaling.session.SessionSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;

import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;

/** LiveKit's signaling port: health probe, {@code /rtc} WebSocket sessions into the SFU's rooms, and validate. */
final class SignalingService implements Service {
    /** livekit-server's default {@code limit.signal_message_size_limit}. */
    private static final int MAX_SIGNAL_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final SignalingServer server;
    private final RtcSessionManager sessions;
    private final EventLoopGroup group;

    SignalingService(OspreyConfig config, EventLoopGroup group, NettyTransport transport, MeterRegistry registry,
                     MediaService media) throws UnknownHostException {
        SignalingConfig signaling = new SignalingConfig(config.bindAddress(), config.port(), config.keys(),
                config.room().autoCreate(), MAX_SIGNAL_MESSAGE_BYTES);
        Rooms rooms = media.rooms();
        SessionSettings settings = SessionSettings.defaults(Version.get(), "ND_osprey", config.keys(),
                IceServers.of(config, Clock.systemUTC()));
        this.group = group;
        this.sessions = new RtcSessionManager(rooms, settings, registry);
        media.events().add(sessions.roomEvents());
        this.server = new SignalingServer(signaling, group, transport.serverChannelClass(), registry,
                name -> exists(rooms, name), null, sessions);
    }

    private static boolean exists(Rooms rooms, String name) {
        try {
            return rooms.find(new RoomName(name)).isPresent();
        } catch (IllegalArgumentException badName) {
            return false;
        }
    }

    @Override
    public String name() {
        return "signaling";
    }

    @Override
    public List<Listener> start() throws InterruptedException {
        sessions.start(group.next());
        return List.of(new Listener(name(), "ws", server.start(),
                "LiveKit signaling (/rtc, /rtc/validate) and health probe (GET /)"));
    }

    @Override
    public void close() {
        server.close();
        sessions.close();
    }
}
