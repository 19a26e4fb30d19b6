package dev.osprey.signaling.twirp;

import dev.osprey.signaling.KnownRooms;
import dev.osprey.signaling.SignalingConfig;
import dev.osprey.signaling.SignalingServer;
import io.livekit.server.AccessToken;
import io.livekit.server.VideoGrant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** A {@link SignalingServer} with the Twirp API over a {@link RecordingRoomService}, on a loopback port. */
final class TwirpTestServer implements AutoCloseable {

    static final String API_KEY = "devkey";
    static final String API_SECRET = "secret";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingRoomService rooms = new RecordingRoomService();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SignalingServer server;
    final InetSocketAddress address;

    TwirpTestServer() throws InterruptedException {
        server = new SignalingServer(SignalingConfig.dev(0), group, NioServerSocketChannel.class, registry,
                new KnownRooms(), rooms);
        address = server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + address.getPort();
    }

    URI method(String name) {
        return URI.create(baseUrl() + "/twirp/livekit.RoomService/" + name);
    }

    /** A token minted by the official SDK with these grants. */
    static String token(VideoGrant... grants) {
        return tokenFor("", grants);
    }

    /** A token minted by the official SDK for {@code identity} with these grants. */
    static String tokenFor(String identity, VideoGrant... grants) {
        AccessToken token = new AccessToken(API_KEY, API_SECRET);
        if (!identity.isEmpty()) {
            token.setIdentity(identity);
        }
        token.addGrants(grants);
        return token.toJwt();
    }

    double requests(String method, String outcome) {
        var counter = registry.find("osprey.signaling.twirp.requests").tag("method", method).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
