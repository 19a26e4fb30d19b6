package dev.osprey.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty transport of this process: native epoll where the platform has it (recvmmsg/sendmmsg, SO_REUSEPORT),
 * NIO otherwise. Chosen once at start and logged, so every listener uses the same kind of event loop.
 */
public record NettyTransport(String name,
                             IoHandlerFactory ioHandlerFactory,
                             Class<? extends ServerSocketChannel> serverChannelClass,
                             Class<? extends DatagramChannel> datagramChannelClass,
                             String fallbackReason) {

    /** Epoll unless unavailable or disabled with {@code -Dosprey.transport=nio}. */
    public static NettyTransport select() {
        if ("nio".equalsIgnoreCase(System.getProperty("osprey.transport"))) {
            return nio("NIO requested with -Dosprey.transport=nio");
        }
        if (Epoll.isAvailable()) {
            return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                    EpollDatagramChannel.class, "");
        }
        Throwable cause = Epoll.unavailabilityCause();
        return nio("native epoll unavailable: " + (cause == null ? "unknown reason" : cause.getMessage()));
    }

    private static NettyTransport nio(String reason) {
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class,
                NioDatagramChannel.class, reason);
    }

    /** Epoll can spread one UDP port over several sockets (SO_REUSEPORT), one per event loop. */
    public boolean supportsReusePort() {
        return "epoll".equals(name);
    }

    public EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory);
    }
}
