package dev.osprey.ice;

/**
 * A candidate pair a valid check came over (RFC 8445 §7.2.5.3.2, as a lite agent learns it): the transport it
 * belongs to, how to reach the remote end and when consent was last refreshed (RFC 7675). Mutable fields belong to
 * the transport's event loop.
 */
final class ValidPair {
    final LiteTransport transport;
    final PacketPath path;
    long lastCheckMillis;
    /** Added to the transport's pair list (transport loop only). */
    boolean registered;
    /** Lost consent, evicted or closed; read by the receiving socket's loop when it looks up a route. */
    volatile boolean removed;

    ValidPair(LiteTransport transport, PacketPath path) {
        this.transport = transport;
        this.path = path;
    }

    FiveTuple tuple() {
        return path.tuple();
    }

    @Override
    public String toString() {
        return "ValidPair[" + path.tuple() + "]";
    }
}
