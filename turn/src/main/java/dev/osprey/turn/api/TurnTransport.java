package dev.osprey.turn.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.net.StandardSocketOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Netty transport the server chooses for the relay: its event loops and channel classes (epoll or NIO). With a
 * {@code reusePort} option (epoll's {@code SO_REUSEPORT}) the relay opens one UDP listener socket per event loop on
 * the same port, so the kernel spreads clients over the loops; without it one socket serves UDP. Extra datagram
 * options (for example epoll's {@code MAX_DATAGRAM_PAYLOAD_SIZE} to read in batches) apply to listener and relay
 * sockets alike. The socket channel class is what RFC 6062 TCP allocations connect to peers with.
 */
public record TurnTransport(
        EventLoopGroup group,
        Class<? extends DatagramChannel> datagramChannel,
        Class<? extends ServerChannel> serverChannel,
        Class<? extends SocketChannel> socketChannel,
        Optional<ChannelOption<Boolean>> reusePort,
        Map<ChannelOption<?>, Object> datagramOptions) {

    public TurnTransport {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(datagramChannel, "datagramChannel");
        Objects.requireNonNull(serverChannel, "serverChannel");
        Objects.requireNonNull(socketChannel, "socketChannel");
        Objects.requireNonNull(reusePort, "reusePort");
        datagramOptions = Map.copyOf(datagramOptions);
    }

    /**
     * A transport with one UDP listener socket and no extra options (NIO, or epoll without SO_REUSEPORT). The socket
     * channel class is the server channel's sibling of the same transport ({@code NioSocketChannel} for
     * {@code NioServerSocketChannel}, {@code EpollSocketChannel} for {@code EpollServerSocketChannel}, ...).
     *
     * @throws IllegalArgumentException when no such sibling exists; use the other factory then
     */
    public static TurnTransport of(EventLoopGroup group, Class<? extends DatagramChannel> datagramChannel,
                                   Class<? extends ServerChannel> serverChannel) {
        return of(group, datagramChannel, serverChannel, socketChannelFor(serverChannel));
    }

    /** A transport with one UDP listener socket, no extra options and the given socket channel class. */
    public static TurnTransport of(EventLoopGroup group, Class<? extends DatagramChannel> datagramChannel,
                                   Class<? extends ServerChannel> serverChannel,
                                   Class<? extends SocketChannel> socketChannel) {
        return new TurnTransport(group, datagramChannel, serverChannel, socketChannel, Optional.empty(), Map.of());
    }

    /** The same transport with one UDP listener socket per event loop, bound with {@code option} set. */
    public TurnTransport withReusePort(ChannelOption<Boolean> option) {
        return new TurnTransport(group, datagramChannel, serverChannel, socketChannel, Optional.of(option),
                datagramOptions);
    }

    /** The same transport with {@code option} set on every UDP socket. */
    public <T> TurnTransport withDatagramOption(ChannelOption<T> option, T value) {
        Map<ChannelOption<?>, Object> options = new HashMap<>(datagramOptions);
        options.put(option, value);
        return new TurnTransport(group, datagramChannel, serverChannel, socketChannel, reusePort, options);
    }

    /**
     * The option that lets a TCP relay's listening socket and its outgoing peer connections share the relayed port
     * (RFC 6062 §5.2: the outgoing connection's local endpoint is the relayed transport address): the transport's
     * own SO_REUSEPORT, else the JDK's for NIO channels, else empty (outgoing connections then use an ephemeral port).
     */
    public Optional<ChannelOption<Boolean>> streamReusePort() {
        if (reusePort.isPresent()) {
            return reusePort;
        }
        if (NioServerSocketChannel.class.isAssignableFrom(serverChannel)
                && NioSocketChannel.class.isAssignableFrom(socketChannel)) {
            return Optional.of(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SocketChannel> socketChannelFor(Class<? extends ServerChannel> serverChannel) {
        if (NioServerSocketChannel.class.isAssignableFrom(serverChannel)) {
            return NioSocketChannel.class;
        }
        String name = serverChannel.getName().replace("ServerSocketChannel", "SocketChannel");
        try {
            Class<?> sibling = Class.forName(name, false, serverChannel.getClassLoader());
            if (SocketChannel.class.isAssignableFrom(sibling) && Channel.class.isAssignableFrom(sibling)) {
                return (Class<? extends SocketChannel>) sibling;
            }
        } catch (ClassNotFoundException e) {
            // reported below
        }
        throw new IllegalArgumentException("no socket channel class found next to " + serverChannel.getName()
                + "; pass one explicitly");
    }
}
