package dev.osprey.server;

import dev.osprey.server.config.OspreyConfig;
import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;

import java.util.List;

/** LiveKit's signaling port: health probe, {@code /rtc} WebSocket and validate, later Twirp. */
final class SignalingService implements Service {
    /** livekit-server's default {@code limit.signal_message_size_limit}. */
    private static final int MAX_SIGNAL_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final SignalingServer server;

    SignalingService(OspreyConfig config, EventLoopGroup group, NettyTransport transport, MeterRegistry registry) {
        SignalingConfig signaling = new SignalingConfig(config.bindAddress(), config.port(), config.keys(),
                config.room().autoCreate(), MAX_SIGNAL_MESSAGE_BYTES);
        this.server = new SignalingServer(signaling, group, transport.serverChannelClass(), registry);
    }

    @Override
    public String name() {
        return "signaling";
    }

    @Override
    public List<Listener> start() throws InterruptedException {
        return List.of(new Listener(name(), "ws", server.start(),
                "LiveKit signaling (/rtc, /rtc/validate) and health probe (GET /)"));
    }

    @Override
    public void close() {
        server.close();
    }
}
