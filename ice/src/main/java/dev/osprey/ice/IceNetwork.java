package dev.osprey.ice;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;

import java.util.Map;

/**
 * The Netty resources the server lends the agent: its event loops and the channel classes it chose (epoll or NIO).
 * With {@code udpChannelsPerPort > 1} the server also passes the option that lets several sockets share a port
 * (epoll's SO_REUSEPORT) in {@code udpOptions}; the kernel then spreads remote addresses over the sockets.
 */
public record IceNetwork(EventLoopGroup group, Class<? extends DatagramChannel> udpChannelClass,
                         Class<? extends ServerSocketChannel> tcpServerChannelClass, int udpChannelsPerPort,
                         Map<ChannelOption<?>, Object> udpOptions) {
    public IceNetwork {
        if (group == null || udpChannelClass == null || tcpServerChannelClass == null) {
            throw new IllegalArgumentException("event loop group and channel classes are required");
        }
        if (udpChannelsPerPort < 1) {
            throw new IllegalArgumentException("udpChannelsPerPort must be at least 1");
        }
        udpOptions = Map.copyOf(udpOptions);
    }

    /** One UDP socket per port, no extra options. */
    public static IceNetwork of(EventLoopGroup group, Class<? extends DatagramChannel> udpChannelClass,
                                Class<? extends ServerSocketChannel> tcpServerChannelClass) {
        return new IceNetwork(group, udpChannelClass, tcpServerChannelClass, 1, Map.of());
    }
}
