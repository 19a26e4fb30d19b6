package dev.osprey.ice;

import java.net.InetSocketAddress;

/**
 * The 5-tuple of a candidate pair as this agent sees it (RFC 8445 §3): the protocol, the local transport address a
 * packet arrived on and the remote one it came from. For TCP it names the connection.
 */
public record FiveTuple(TransportProtocol protocol, InetSocketAddress local, InetSocketAddress remote) {
    public FiveTuple {
        if (protocol == null || local == null || remote == null) {
            throw new IllegalArgumentException("a 5-tuple needs protocol, local and remote addresses");
        }
    }

    @Override
    public String toString() {
        return protocol.sdpToken() + " " + local + " <-> " + remote;
    }
}
