package dev.osprey.turn.server;

import dev.osprey.turn.allocation.AllocationQuota;
import dev.osprey.turn.allocation.RelayPortAllocator;
import dev.osprey.turn.api.TurnConfig;
import dev.osprey.turn.auth.CredentialSource;
import dev.osprey.turn.auth.NonceIssuer;
import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.policy.PeerAddressPolicy;

/**
 * What the request handlers share: settings, clocks, credential sources, nonces, peer policy, relay ports, quotas,
 * relay addresses, UDP and TCP relay sockets, the RFC 6062 connections waiting for a ConnectionBind, the registry of
 * live allocations, metrics, and the responder. Immutable references; the shared mutable parts (ports, quota, pending
 * connections, metrics) are thread-safe themselves.
 */
public record TurnServices(
        TurnConfig config,
        TurnClock clock,
        TurnMetrics metrics,
        CredentialSource credentials,
        NonceIssuer nonces,
        PeerAddressPolicy peerPolicy,
        RelayPortAllocator ports,
        AllocationQuota quota,
        RelayAddresses relayAddresses,
        RelaySocketFactory relaySockets,
        TcpRelaySockets tcpRelaySockets,
        PendingPeerConnections pendingConnections,
        AllocationRegistry registry) {

    /** The responder that encodes, caches and sends answers with these services. */
    public TurnResponder responder() {
        return new TurnResponder(this);
    }
}
