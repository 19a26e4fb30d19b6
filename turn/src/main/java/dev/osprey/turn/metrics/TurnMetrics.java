package dev.osprey.turn.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The relay's meters, registered on the registry the server passes in: live allocations, permissions, channels and
 * TCP peer data connections (gauges); relayed packets and bytes by direction, packets relayed between two allocations
 * of this server, drops by reason (function counters over {@link LongAdder}s, so the per-packet cost is one uncontended
 * add); refusals by reason and code, authentication failures. On RFC 6062 data connections a "packet" is one read of
 * the byte stream.
 */
public final class TurnMetrics {
    private final AtomicInteger allocations = new AtomicInteger();
    private final AtomicInteger permissions = new AtomicInteger();
    private final AtomicInteger channels = new AtomicInteger();
    private final AtomicInteger peerConnections = new AtomicInteger();
    private final Counter allocationsCreated;
    private final LongAdder packetsToPeer = new LongAdder();
    private final LongAdder bytesToPeer = new LongAdder();
    private final LongAdder packetsToClient = new LongAdder();
    private final LongAdder bytesToClient = new LongAdder();
    private final LongAdder hairpinned = new LongAdder();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private final Map<Refusal, Counter> authFailures = new EnumMap<>(Refusal.class);

    public TurnMetrics(MeterRegistry registry) {
        Gauge.builder("osprey.turn.allocations", allocations, AtomicInteger::get)
                .description("Live TURN allocations").register(registry);
        Gauge.builder("osprey.turn.permissions", permissions, AtomicInteger::get)
                .description("Live TURN permissions").register(registry);
        Gauge.builder("osprey.turn.channels", channels, AtomicInteger::get)
                .description("Live TURN channel bindings").register(registry);
        Gauge.builder("osprey.turn.tcp.connections", peerConnections, AtomicInteger::get)
                .description("Open RFC 6062 peer data connections, pending or bound").register(registry);
        allocationsCreated = Counter.builder("osprey.turn.allocations.opened")
                .description("TURN allocations made").register(registry);
        relayed(registry, "client_to_peer", packetsToPeer, bytesToPeer);
        relayed(registry, "peer_to_client", packetsToClient, bytesToClient);
        FunctionCounter.builder("osprey.turn.relayed.hairpin.packets", hairpinned, LongAdder::doubleValue)
                .description("Packets relayed from one allocation straight to another of this server")
                .register(registry);
        for (DropReason reason : DropReason.values()) {
            LongAdder adder = new LongAdder();
            drops.put(reason, adder);
            FunctionCounter.builder("osprey.turn.dropped", adder, LongAdder::doubleValue)
                    .tag("reason", reason.tag()).description("Packets the TURN server dropped").register(registry);
        }
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, Counter.builder("osprey.turn.refusals").tag("reason", refusal.tag())
                    .tag("code", Integer.toString(refusal.code()))
                    .description("TURN requests answered with an error").register(registry));
        }
        for (Refusal refusal : new Refusal[]{Refusal.WRONG_PASSWORD, Refusal.STALE_NONCE, Refusal.WRONG_CREDENTIALS,
                Refusal.BAD_REQUEST}) {
            authFailures.put(refusal, Counter.builder("osprey.turn.auth.failures").tag("reason", refusal.tag())
                    .description("TURN long-term authentication failures").register(registry));
        }
    }

    private static void relayed(MeterRegistry registry, String direction, LongAdder packets, LongAdder bytes) {
        FunctionCounter.builder("osprey.turn.relayed.packets", packets, LongAdder::doubleValue)
                .tag("direction", direction).description("Packets relayed").register(registry);
        FunctionCounter.builder("osprey.turn.relayed.bytes", bytes, LongAdder::doubleValue)
                .tag("direction", direction).baseUnit("bytes").description("Application bytes relayed")
                .register(registry);
    }

    /** The live-allocation gauge's backing counter. */
    public AtomicInteger allocations() {
        return allocations;
    }

    /** The live-permission gauge's backing counter, shared by every allocation's permission table. */
    public AtomicInteger permissions() {
        return permissions;
    }

    /** The live-channel gauge's backing counter, shared by every allocation's channel table. */
    public AtomicInteger channels() {
        return channels;
    }

    /** The open-peer-data-connection gauge's backing counter (RFC 6062). */
    public AtomicInteger peerConnections() {
        return peerConnections;
    }

    public void allocationCreated() {
        allocationsCreated.increment();
        allocations.incrementAndGet();
    }

    public void allocationDeleted() {
        allocations.decrementAndGet();
    }

    public void relayedToPeer(int bytes) {
        packetsToPeer.increment();
        bytesToPeer.add(bytes);
    }

    public void relayedToClient(int bytes) {
        packetsToClient.increment();
        bytesToClient.add(bytes);
    }

    /** Counts a packet that went from one allocation to another without leaving the process. */
    public void hairpinned() {
        hairpinned.increment();
    }

    public void dropped(DropReason reason) {
        drops.get(reason).increment();
    }

    /** Counts an error response; authentication refusals also count as authentication failures. */
    public void refused(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    /** Counts a failed long-term authentication (wrong password, stale or bad nonce, another user's allocation). */
    public void authFailed(Refusal refusal) {
        Counter counter = authFailures.get(refusal);
        if (counter == null) {
            throw new IllegalArgumentException(refusal + " is not an authentication failure");
        }
        counter.increment();
    }
}
