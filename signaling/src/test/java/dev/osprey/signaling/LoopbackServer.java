package dev.osprey.signaling;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** A {@link SignalingServer} on an ephemeral loopback port over NIO, for tests. */
final class LoopbackServer implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final SignalingServer server;
    final InetSocketAddress address;

    LoopbackServer(SignalingConfig config) throws InterruptedException {
        server = new SignalingServer(config, group, NioServerSocketChannel.class, registry);
        address = server.start();
    }

    URI http(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + address.getPort() + pathAndQuery);
    }

    URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + address.getPort() + pathAndQuery);
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
