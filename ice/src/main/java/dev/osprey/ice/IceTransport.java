package dev.osprey.ice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

import java.util.List;

/**
 * One ICE session (one peer connection, one component) multiplexed on the agent's shared ports. The agent answers
 * its connectivity checks with its local credentials, keeps its valid pairs fresh (RFC 7675) and routes its
 * packets; the owner sends on the selected pair. Obtain one from {@link IceLiteAgent#createTransport}.
 *
 * <p>A lite agent never sends checks (RFC 8445 §2.5), so it needs no remote password; RFC 8445 §7.3 only asks that
 * the first half of USERNAME be the local ufrag.
 */
public interface IceTransport {

    /** The credentials checks must currently use (the newest after a restart). */
    IceCredentials localCredentials();

    /** Host candidates to signal for this transport. */
    List<IceCandidate> localCandidates();

    IceTransportState state();

    /** The selected pair, or {@code null} before the first valid check. */
    FiveTuple selectedPair();

    /** The event loop all callbacks run on and all state lives on. */
    EventLoop eventLoop();

    /**
     * Sends one packet (DTLS, SRTP, SRTCP) on the selected pair and flushes, taking ownership of the buffer. With
     * no selected pair, or after consent was lost, the packet is released and counted as dropped.
     */
    void send(ByteBuf packet);

    /** As {@link #send} without flushing; call {@link #flush()} after a batch. */
    void write(ByteBuf packet);

    void flush();

    /**
     * ICE restart (RFC 8445 §9): checks with {@code newCredentials} are accepted from now on; checks with the old
     * ones keep working (data keeps flowing on the current pair) until the first valid check with the new ones.
     * The transport, its listener and its selected pair survive.
     */
    void restart(IceCredentials newCredentials);

    /** Unregisters the transport, forgets its pairs and reports {@link IceTransportState#CLOSED}. */
    void close();
}
