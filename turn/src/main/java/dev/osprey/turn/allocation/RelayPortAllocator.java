package dev.osprey.turn.allocation;

import java.security.SecureRandom;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Hands out relay ports from {@code [relay_range_start, relay_range_end]} (RFC 8656 §7.2). Ports are chosen at a
 * random place in the range, as §21.3 advises, so that relayed addresses are hard to guess. EVEN-PORT asks for an even
 * port; with its R bit the next (odd) port is held for about 30 seconds under an unguessable RESERVATION-TOKEN that a
 * second Allocate may redeem (§7.2, §16.8).
 *
 * <p>Shared by every event loop; each call is a short critical section on the control path, never per packet.
 */
public final class RelayPortAllocator {
    /** RFC 8656 §7.2: a reserved port is held for about 30 seconds. */
    public static final long RESERVATION_SECONDS = 30;
    private final int firstPort;
    private final int lastPort;
    private final BitSet used;
    private final Map<Long, Reservation> reservations = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public RelayPortAllocator(int firstPort, int lastPort) {
        if (firstPort < 1 || lastPort > 65535 || firstPort > lastPort) {
            throw new IllegalArgumentException("bad relay port range " + firstPort + "-" + lastPort);
        }
        this.firstPort = firstPort;
        this.lastPort = lastPort;
        this.used = new BitSet(lastPort - firstPort + 1);
    }

    /** Any free port, or empty when the range is exhausted (508 Insufficient Capacity). */
    public synchronized OptionalInt acquire() {
        int size = lastPort - firstPort + 1;
        int offset = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            int index = (offset + i) % size;
            if (!used.get(index)) {
                used.set(index);
                return OptionalInt.of(firstPort + index);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A free even port; with {@code reserveNext} the following port must be free too, and it is held under the
     * grant's reservation token. Empty when no such port is left.
     */
    public synchronized Optional<EvenPortGrant> acquireEven(boolean reserveNext, long nowNanos) {
        int firstEven = firstPort + (firstPort & 1);
        if (firstEven > lastPort) {
            return Optional.empty();
        }
        int pairs = (lastPort - firstEven) / 2 + 1;
        int offset = random.nextInt(pairs);
        for (int i = 0; i < pairs; i++) {
            int port = firstEven + 2 * ((offset + i) % pairs);
            if (isFree(port) && (!reserveNext || isFree(port + 1))) {
                used.set(port - firstPort);
                OptionalLong token = reserveNext ? OptionalLong.of(reserve(port + 1, nowNanos)) : OptionalLong.empty();
                return Optional.of(new EvenPortGrant(port, token));
            }
        }
        return Optional.empty();
    }

    private long reserve(int port, long nowNanos) {
        long token;
        do {
            token = random.nextLong();
        } while (reservations.containsKey(token));
        used.set(port - firstPort);
        reservations.put(token, new Reservation(port, nowNanos + TimeUnit.SECONDS.toNanos(RESERVATION_SECONDS)));
        return token;
    }

    /** Drops the reservation {@code token} and frees its port (its Allocate failed after all). */
    public synchronized void cancel(long token) {
        Reservation reservation = reservations.remove(token);
        if (reservation != null) {
            release(reservation.port);
        }
    }

    /** The port held under {@code token}, now owned by the caller; empty when unknown or expired. */
    public synchronized OptionalInt redeem(long token, long nowNanos) {
        Reservation reservation = reservations.remove(token);
        if (reservation == null) {
            return OptionalInt.empty();
        }
        if (reservation.expiresAtNanos - nowNanos <= 0) {
            release(reservation.port);
            return OptionalInt.empty();
        }
        return OptionalInt.of(reservation.port);
    }

    /** Returns {@code port} to the pool. */
    public synchronized void release(int port) {
        if (port >= firstPort && port <= lastPort) {
            used.clear(port - firstPort);
        }
    }

    /** Releases the reserved ports whose 30 seconds have passed; returns how many. */
    public synchronized int expireReservations(long nowNanos) {
        int released = 0;
        for (Iterator<Reservation> it = reservations.values().iterator(); it.hasNext(); ) {
            Reservation reservation = it.next();
            if (reservation.expiresAtNanos - nowNanos <= 0) {
                it.remove();
                used.clear(reservation.port - firstPort);
                released++;
            }
        }
        return released;
    }

    /** Ports currently handed out or reserved. */
    public synchronized int inUse() {
        return used.cardinality();
    }

    private boolean isFree(int port) {
        return port >= firstPort && port <= lastPort && !used.get(port - firstPort);
    }

    private record Reservation(int port, long expiresAtNanos) {
    }

    /** An even port, and the token of the reserved next port when one was asked for. */
    public record EvenPortGrant(int port, OptionalLong reservationToken) {
    }
}
