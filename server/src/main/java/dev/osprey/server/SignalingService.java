package dev.osprey.server;

import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.Rooms;
import dev.osprey.server.config.OspreyConfig;
import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.data.DataPacketRouter;
import dev.osprey.signaling.rooms.EmbeddedRoomService;
import dev.osprey.signaling.rooms.RoomServiceConfig;
import dev.osprey.signaling.session.RtcSessionManager;
import dev.osprey.signaling.session.SessionSettings;
import dev.osprey.signaling.webhook.WebhookConfig;
import dev.osprey.signaling.webhook.WebhookNotifier;
import dev.osprey.signaling.webhook.WebhookRoomListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * LiveKit's signaling port: health probe, {@code /rtc} WebSocket sessions into the SFU's rooms, validate, and the
 * Twirp RoomService over the same rooms; room events also become webhooks when {@code webhook.urls} is set.
 */
final class SignalingService implements Service {
    /** livekit-server's default {@code limit.signal_message_size_limit}. */
    private static final int MAX_SIGNAL_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final SignalingServer server;
    private final RtcSessionManager sessions;
    private final EventLoopGroup group;
    private final EmbeddedRoomService roomService;
    private final ExecutorService apiCalls = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookNotifier webhooks;

    SignalingService(OspreyConfig config, EventLoopGroup group, NettyTransport transport, MeterRegistry registry,
                     MediaService media) throws UnknownHostException {
        SignalingConfig signaling = new SignalingConfig(config.bindAddress(), config.port(), config.keys(),
                config.room().autoCreate(), MAX_SIGNAL_MESSAGE_BYTES);
        Rooms rooms = media.rooms();
        SessionSettings settings = SessionSettings.defaults(Version.get(), "ND_osprey", config.keys(),
                IceServers.of(config, Clock.systemUTC()));
        this.group = group;
        DataPacketRouter data = new DataPacketRouter(rooms, registry);
        this.sessions = new RtcSessionManager(rooms, settings, data, registry);
        media.events().add(sessions.roomEvents());
        this.roomService = new EmbeddedRoomService(rooms, RoomServiceConfig.of(new RoomSettings(
                config.room().emptyTimeout(), config.room().departureTimeout(), config.room().maxParticipants())),
                (room, packet, destinations, reliable) -> data.sendFromServer(room, packet, Set.copyOf(destinations),
                        reliable), apiCalls);
        this.webhooks = webhooks(config, registry);
        if (webhooks != null) {
            media.events().add(new WebhookRoomListener(webhooks));
        }
        this.server = new SignalingServer(signaling, group, transport.serverChannelClass(), registry,
                name -> exists(rooms, name), roomService, sessions);
    }

    /** LiveKit-style webhooks to {@code webhook.urls}, signed with {@code webhook.api_key}'s secret; none if unset. */
    private static WebhookNotifier webhooks(OspreyConfig config, MeterRegistry registry) {
        if (config.webhook().urls().isEmpty()) {
            return null;
        }
        String key = config.webhook().apiKey();
        return new WebhookNotifier(WebhookConfig.of(config.webhook().urls().stream().map(URI::create).toList(), key,
                config.keys().get(key)), registry);
    }

    /** The rooms of this process as LiveKit's RoomService: Twirp on this port, and the Bedrud API in embedded mode. */
    RoomService roomService() {
        return roomService;
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
                "LiveKit signaling (/rtc, /rtc/validate), Twirp RoomService and health probe (GET /)"));
    }

    @Override
    public void close() {
        server.close();
        sessions.close();
        apiCalls.close();
        if (webhooks != null) {
            webhooks.close();
        }
    }
}
