package dev.osprey.turn.server;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.Nonce;
import dev.osprey.stun.attribute.Realm;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.Username;
import dev.osprey.turn.allocation.AllocationQuota;
import dev.osprey.turn.allocation.RelayPortAllocator;
import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.api.TurnConfig;
import dev.osprey.turn.auth.CredentialChain;
import dev.osprey.turn.auth.CredentialSource;
import dev.osprey.turn.auth.LiveKitCredentials;
import dev.osprey.turn.auth.LongTermKey;
import dev.osprey.turn.auth.NonceIssuer;
import dev.osprey.turn.auth.StaticUserCredentials;
import dev.osprey.turn.metrics.TurnMetrics;
import dev.osprey.turn.net.PeerRelayHandler;
import dev.osprey.turn.policy.Cidr;
import dev.osprey.turn.policy.PeerAddressPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.Future;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The TURN server logic with nothing but memory around it: clients are {@link FakeClient}s, relay sockets are
 * {@link EmbeddedChannel}s carrying the real {@link PeerRelayHandler}, the clock is a {@link ManualClock}. Also a
 * small TURN client: it builds requests with long-term credentials the way a real client does.
 */
final class TurnHarness implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String REALM = "osprey.test";
    static final String LIVEKIT_KEY = "APIdev";
    static final String LIVEKIT_SECRET = "devsecret";
    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 3478);
    static final InetAddress RELAY_IP = loopback();
    final ManualClock clock = new ManualClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TurnMetrics metrics = new TurnMetrics(meters);
    final EmbeddedChannel loopOwner = new EmbeddedChannel();
    final List<EmbeddedChannel> relays = new ArrayList<>();
    final FakeTcpRelaySockets tcpSockets = new FakeTcpRelaySockets(loopOwner.eventLoop());
    final TurnConfig config;
    final TurnServices services;
    final TurnMessageDispatcher dispatcher;
    /** Set to make the next relay socket fail to bind (a port taken by another process). */
    int failNextBinds;
    private String nonce;

    TurnHarness() {
        this(UnaryOperator.identity());
    }

    TurnHarness(UnaryOperator<TurnConfig.Builder> customize) {
        config = customize.apply(TurnConfig.builder().realm(REALM).users(Map.of(USER, PASSWORD, "bob", "builder"))
                .liveKitKeys(Map.of(LIVEKIT_KEY, LIVEKIT_SECRET))
                .relayRange(50000, 50009).allowRestrictedPeerCidrs(List.of("127.0.0.0/8"))).build();
        RelayPortAllocator ports = new RelayPortAllocator(config.relayRangeStart(), config.relayRangeEnd());
        AllocationQuota quota = new AllocationQuota(config.maxAllocations(), config.perUserAllocationLimit());
        AllocationRegistry registry = new AllocationRegistry(ports, quota, metrics, clock);
        registry.disableTimers();
        CredentialSource credentials = new CredentialChain(List.of(new StaticUserCredentials(config.users()),
                new LiveKitCredentials(config.liveKitKeys())));
        services = new TurnServices(config, clock, metrics, credentials,
                new NonceIssuer(config.nonceLifetime().toSeconds()),
                new PeerAddressPolicy(config.allowRestrictedPeerCidrs().stream().map(Cidr::parse).toList()),
                ports, quota,
                new RelayAddresses(List.of(RELAY_IP)), this::openRelay, tcpSockets, new PendingPeerConnections(),
                registry);
        dispatcher = new TurnMessageDispatcher(services);
    }

    private Future<Channel> openRelay(Allocation allocation, InetSocketAddress bindAddress) {
        if (failNextBinds > 0) {
            failNextBinds--;
            return loopOwner.eventLoop().newFailedFuture(new java.net.BindException("port in use"));
        }
        EmbeddedChannel relay = new EmbeddedChannel(new PeerRelayHandler(allocation, new PeerDataRelay(metrics)));
        relays.add(relay);
        return loopOwner.eventLoop().newSucceededFuture(relay);
    }

    FakeClient client(int port) {
        return client(port, TransportProtocol.UDP);
    }

    FakeClient client(int port, TransportProtocol protocol) {
        return new FakeClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SERVER, protocol,
                loopOwner.eventLoop());
    }

    /** Sends {@code bytes} (released here) from {@code client} and runs pending tasks. */
    void send(FakeClient client, ByteBuf bytes) {
        try {
            dispatcher.onFrame(bytes, client);
        } finally {
            bytes.release();
        }
        loopOwner.runPendingTasks();
        client.endOfReadBatch();
    }

    /** Sends {@code request} and returns the decoded response (null when none came). */
    StunMessage exchange(FakeClient client, StunMessage request, MessageProtection protection) {
        send(client, encode(request, protection));
        return nextMessage(client);
    }

    /** The next message written to {@code client}, decoded; null when nothing was written. */
    StunMessage nextMessage(FakeClient client) {
        ByteBuf out = client.poll();
        if (out == null) {
            return null;
        }
        try {
            return StunDecoder.decode(out);
        } finally {
            out.release();
        }
    }

    /** A request with USERNAME, REALM, a nonce learnt from a first 401, and MESSAGE-INTEGRITY. */
    StunMessage authenticated(FakeClient client, StunMethod method, String user, List<StunAttribute> attributes) {
        if (nonce == null) {
            StunMessage challenge = exchange(client, StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE,
                    TransactionId.random()).add(new RequestedTransport(RequestedTransport.UDP)).build(),
                    MessageProtection.NONE);
            nonce = challenge.attribute(Nonce.class).orElseThrow().value();
        }
        StunMessage.Builder builder = StunMessage.builder(StunClass.REQUEST, method, TransactionId.random());
        attributes.forEach(builder::add);
        return builder.add(new Username(user)).add(new Realm(REALM)).add(new Nonce(nonce)).build();
    }

    void forgetNonce() {
        nonce = null;
    }

    static MessageProtection integrity(String user, String password) {
        return MessageProtection.integrity(IntegrityKey.ofBytes(LongTermKey.derive(user, REALM, password)));
    }

    /** An authenticated exchange as {@link #USER}. */
    StunMessage request(FakeClient client, StunMethod method, StunAttribute... attributes) {
        return exchange(client, authenticated(client, method, USER, List.of(attributes)), integrity(USER, PASSWORD));
    }

    static ByteBuf encode(StunMessage message, MessageProtection protection) {
        ByteBuf buf = Unpooled.buffer();
        StunEncoder.encode(message, buf, protection);
        return buf;
    }

    /** The relay socket of the n-th allocation made. */
    EmbeddedChannel relay(int index) {
        return relays.get(index);
    }

    /** A datagram from {@code peer} arriving at a relay socket. */
    static DatagramPacket fromPeer(InetSocketAddress peer, InetSocketAddress relay, byte[] payload) {
        return new DatagramPacket(Unpooled.wrappedBuffer(payload), relay, peer);
    }

    double count(String name, String... tags) {
        var search = meters.find(name).tags(tags);
        return search.counters().stream().mapToDouble(c -> c.count()).sum()
                + search.functionCounters().stream().mapToDouble(c -> c.count()).sum()
                + search.gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    void sweep() {
        services.registry().sweeperOf(loopOwner.eventLoop()).sweep(clock.nanoTime());
    }

    @Override
    public void close() {
        relays.forEach(EmbeddedChannel::finishAndReleaseAll);
        tcpSockets.close();
        loopOwner.finishAndReleaseAll();
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
