package dev.osprey.turn.api;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Netty transport the server chooses for the relay: its event loops and channel classes (epoll or NIO). With a
 * {@code reusePort} option (epoll's {@code SO_REUSEPORT}) the relay opens one UDP listener socket per event loop on
 * the same port, so the kernel spreads clients over the loops; without it one socket serves UDP. Extra datagram
 * options (for example epoll's {@code MAX_DATAGRAM_PAYLOAD_SIZE} to read in batches) apply to listener and relay
 * sockets alike.
 */
public record TurnTransport(
        EventLoopGroup group,
        Class<? extends DatagramChannel> datagramChannel,
        Class<? extends ServerChannel> serverChannel,
        Optional<ChannelOption<Boolean>> reusePort,
        Map<ChannelOption<?>, Object> datagramOptions) {

    public TurnTransport {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(datagramChannel, "datagramChannel");
        Objects.requireNonNull(serverChannel, "serverChannel");
        Objects.requireNonNull(reusePort, "reusePort");
        datagramOptions = Map.copyOf(datagramOptions);
    }

    /** A transport with one UDP listener socket and no extra options (NIO, or epoll without SO_REUSEPORT). */
    public static TurnTransport of(EventLoopGroup group, Class<? extends DatagramChannel> datagramChannel,
                                   Class<? extends ServerChannel> serverChannel) {
        return new TurnTransport(group, datagramChannel, serverChannel, Optional.empty(), Map.of());
    }

    /** The same transport with one UDP listener socket per event loop, bound with {@code option} set. */
    public TurnTransport withReusePort(ChannelOption<Boolean> option) {
        return new TurnTransport(group, datagramChannel, serverChannel, Optional.of(option), datagramOptions);
    }

    /** The same transport with {@code option} set on every UDP socket. */
    public <T> TurnTransport withDatagramOption(ChannelOption<T> option, T value) {
        Map<ChannelOption<?>, Object> options = new HashMap<>(datagramOptions);
        options.put(option, value);
        return new TurnTransport(group, datagramChannel, serverChannel, reusePort, options);
    }
}
