package dev.osprey.turn.server;

import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

import java.net.InetSocketAddress;

/**
 * Opens the UDP socket of an allocation's relayed transport address on the allocation's own event loop, with the
 * handler that carries peer data back to the client. The network layer implements it; handler tests use a fake.
 */
public interface RelaySocketFactory {

    /**
     * Binds {@code bindAddress} for {@code allocation}. The future fails when the port is taken by another
     * process; the caller then tries another port.
     */
    Future<Channel> open(Allocation allocation, InetSocketAddress bindAddress);
}
