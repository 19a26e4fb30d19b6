package dev.osprey.signaling.rooms;

import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import dev.osprey.signaling.webhook.WebhookConfig;
import dev.osprey.signaling.webhook.WebhookNotifier;
import dev.osprey.signaling.webhook.WebhookRoomListener;
import io.livekit.server.AccessToken;
import io.livekit.server.VideoGrant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server API as the composition root wires it: a real room registry whose events go to the webhook listener, the
 * embedded room service behind a running signaling server's Twirp routes, and webhooks posted to a local sink.
 */
final class EmbeddedApiServer implements AutoCloseable {

    static final String API_KEY = "devkey";
    static final String API_SECRET = "secret";

    final WebhookSink hooks;
    final WebhookNotifier notifier;
    final TestRooms rooms;
    final RecordingDataSender data = new RecordingDataSender();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SignalingServer server;
    final InetSocketAddress address;

    EmbeddedApiServer() throws IOException, InterruptedException {
        hooks = new WebhookSink();
        notifier = new WebhookNotifier(WebhookConfig.of(List.of(hooks.url()), API_KEY, API_SECRET),
                new SimpleMeterRegistry());
        rooms = new TestRooms(new WebhookRoomListener(notifier));
        EmbeddedRoomService service = new EmbeddedRoomService(rooms.registry, RoomServiceConfig.of(TestRooms.DEFAULTS),
                data, calls);
        server = new SignalingServer(SignalingConfig.dev(0), group, NioServerSocketChannel.class,
                new SimpleMeterRegistry(),
                name -> EmbeddedRoomService.parseRoom(name).flatMap(rooms.registry::find).isPresent(), service);
        address = server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + address.getPort();
    }

    URI method(String name) {
        return URI.create(baseUrl() + "/twirp/livekit.RoomService/" + name);
    }

    /** A token minted by the official SDK with these grants (and an identity, which a roomJoin grant needs). */
    static String token(VideoGrant... grants) {
        AccessToken token = new AccessToken(API_KEY, API_SECRET);
        token.setIdentity("backend");
        token.addGrants(grants);
        return token.toJwt();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        calls.shutdownNow();
        rooms.close();
        notifier.close();
        hooks.close();
    }
}
