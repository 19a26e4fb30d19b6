package dev.osprey.turn.server;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.turn.allocation.BandwidthBudget;
import dev.osprey.turn.allocation.ChannelBindings;
import dev.osprey.turn.allocation.FiveTuple;
import dev.osprey.turn.allocation.Permissions;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One allocation (RFC 8656 §2.2, §7): the relayed transport address and its socket, the 5-tuple and credentials it
 * belongs to, its permissions, channel bindings, lifetime and bandwidth budget, and for a TCP allocation (RFC 6062)
 * its peer data connections. Every field is owned by the event loop
 * of the client's connection, which is also the event loop of the relay socket, so no field needs a lock.
 */
public final class Allocation {
    private final ClientConnection client;
    private final String username;
    private final String account;
    private final IntegrityKey key;
    private final Permissions permissions;
    private final ChannelBindings channels;
    private final BandwidthBudget budget;
    private InetSocketAddress relayAddress;
    private Channel relayChannel;
    private TcpRelay tcp;
    private long expiresAtNanos;
    private boolean relayFlushPending;
    private boolean clientFlushPending;
    private HairpinOutbox hairpinOutbox;
    private State state = State.PENDING;

    /**
     * @param client   the connection the allocation was made on (its 5-tuple is the allocation's)
     * @param username the USERNAME that authenticated the Allocate; later requests must use the same (RFC 8656 §5)
     * @param account  who the allocation is charged to in the quota
     * @param key      the long-term key, cached so that later requests need no credential lookup
     */
    public Allocation(ClientConnection client, String username, String account, IntegrityKey key,
                      long bytesPerSecond, AtomicInteger livePermissions, AtomicInteger liveChannels) {
        this.client = client;
        this.username = username;
        this.account = account;
        this.key = key;
        this.permissions = new Permissions(livePermissions);
        this.channels = new ChannelBindings(liveChannels);
        this.budget = new BandwidthBudget(bytesPerSecond);
    }

    public ClientConnection client() {
        return client;
    }

    public FiveTuple fiveTuple() {
        return client.fiveTuple();
    }

    public String username() {
        return username;
    }

    public String account() {
        return account;
    }

    public IntegrityKey key() {
        return key;
    }

    public Permissions permissions() {
        return permissions;
    }

    public ChannelBindings channels() {
        return channels;
    }

    public BandwidthBudget budget() {
        return budget;
    }

    /** The relayed transport address, once the relay socket is bound. */
    public InetSocketAddress relayAddress() {
        return relayAddress;
    }

    /** The RFC 6062 state of a TCP allocation; null for a UDP one. */
    public TcpRelay tcp() {
        return tcp;
    }

    /** Makes this a TCP allocation (RFC 6062): its relay socket listens and peers are reached over TCP. */
    void enableTcp(TcpRelay relay) {
        this.tcp = relay;
    }

    /** The relay socket (for a TCP allocation the listening socket), once bound; null before. */
    public Channel relayChannel() {
        return relayChannel;
    }

    /** Records the bound relay socket and the address advertised for it. */
    public void relayBound(Channel channel, InetSocketAddress advertised) {
        this.relayChannel = channel;
        this.relayAddress = advertised;
    }

    /** Sets the remaining lifetime to {@code lifetimeSeconds} from {@code nowNanos} (Allocate or Refresh). */
    public void expireIn(long lifetimeSeconds, long nowNanos) {
        expiresAtNanos = nowNanos + TimeUnit.SECONDS.toNanos(lifetimeSeconds);
    }

    public boolean isExpired(long nowNanos) {
        return expiresAtNanos - nowNanos <= 0;
    }

    /**
     * Marks that a packet was queued on the relay socket since the last flush.
     *
     * @return true the first time since the last flush, when the caller must remember to flush it
     */
    public boolean markRelayFlushPending() {
        if (relayFlushPending) {
            return false;
        }
        relayFlushPending = true;
        return true;
    }

    /**
     * Marks that a packet from a peer was queued for the client since the last flush.
     *
     * @return true the first time since the last flush, when the caller must remember to flush it
     */
    public boolean markClientFlushPending() {
        if (clientFlushPending) {
            return false;
        }
        clientFlushPending = true;
        return true;
    }

    /** What this allocation relays to allocations of other event loops; null until it first does. */
    HairpinOutbox hairpinOutbox() {
        return hairpinOutbox;
    }

    void hairpinOutbox(HairpinOutbox outbox) {
        this.hairpinOutbox = outbox;
    }

    /**
     * Flushes what was queued since the last flush: on the relay socket, for allocations of other event loops, and
     * on the client's connection.
     */
    public void flushPending() {
        if (relayFlushPending) {
            relayFlushPending = false;
            if (relayChannel != null) {
                relayChannel.flush();
            }
            if (hairpinOutbox != null) {
                hairpinOutbox.handOff();
            }
        }
        if (clientFlushPending) {
            clientFlushPending = false;
            client.flush();
        }
    }

    public State state() {
        return state;
    }

    public boolean isDeleted() {
        return state == State.DELETED;
    }

    /** The relay socket is bound and the allocation is registered. */
    void makeLive() {
        if (state == State.PENDING) {
            state = State.LIVE;
        }
    }

    /** Marks the allocation deleted; returns false when it already was (deletion happens once). */
    boolean markDeleted() {
        if (state == State.DELETED) {
            return false;
        }
        state = State.DELETED;
        return true;
    }

    /** Where an allocation is in its life. */
    public enum State {
        /** Authenticated and charged to the quota; its relay socket is being bound. */
        PENDING,
        /** Answered with its relayed address; relaying. */
        LIVE,
        /** Gone: every resource given back. */
        DELETED
    }

    @Override
    public String toString() {
        return "Allocation[" + client.fiveTuple() + " relay=" + relayAddress + " account=" + account + "]";
    }
}
