package dev.osprey.turn.allocation;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The client's address, the server's address and the transport between them: the key that identifies an allocation
 * (RFC 8656 §2, §7). TLS counts as TCP for the 5-tuple but is kept apart so that logs and metrics show it.
 */
public record FiveTuple(InetSocketAddress client, InetSocketAddress server, TransportProtocol protocol) {
    public FiveTuple {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public String toString() {
        return protocol + " " + client + "->" + server;
    }
}
