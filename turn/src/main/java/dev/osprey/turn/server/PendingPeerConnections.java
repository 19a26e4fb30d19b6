package dev.osprey.turn.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server-wide table of peer data connections waiting for their ConnectionBind, by CONNECTION-ID (RFC 6062 §5.4).
 * A ConnectionBind arrives on a new client connection, which may belong to any event loop, so the table is
 * concurrent; removing an entry is the one atomic step that decides whether the ConnectionBind or the bind timeout
 * gets the connection. IDs are random 32-bit values (never 0), so a client cannot guess another allocation's.
 */
public final class PendingPeerConnections {
    private static final long MAX_ID = 0xFFFF_FFFFL;
    private final Map<Long, PeerConnection> byId = new ConcurrentHashMap<>();

    /** Publishes {@code connection} under a fresh ID and returns the ID. */
    long register(PeerConnection connection) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            long id = random.nextLong(1, MAX_ID + 1);
            if (byId.putIfAbsent(id, connection) == null) {
                return id;
            }
        }
    }

    /** The pending connection with {@code id}, without taking it; null when there is none. */
    public PeerConnection find(long id) {
        return byId.get(id);
    }

    /**
     * Takes {@code connection} out of the table if it is still pending there: for its ConnectionBind, its bind
     * timeout, or its closing. False when one of the others was first.
     */
    public boolean take(PeerConnection connection) {
        return byId.remove(connection.id(), connection);
    }

    /** How many connections wait for a ConnectionBind now. */
    public int size() {
        return byId.size();
    }
}
