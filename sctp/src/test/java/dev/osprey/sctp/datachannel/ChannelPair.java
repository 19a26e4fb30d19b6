package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.CloseReason;
import dev.osprey.sctp.DtlsRole;
import dev.osprey.sctp.ManualScheduler;
import dev.osprey.sctp.SctpCounters;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.SimulatedLink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two data channel transports back to back through simulated links on one manual clock: the DTLS client side and
 * the DTLS server side of one peer connection.
 */
final class ChannelPair implements AutoCloseable {
    final ManualScheduler clock = new ManualScheduler();
    final SimulatedLink toServer;
    final SimulatedLink toClient;
    final Side client;
    final Side server;

    ChannelPair(SctpSettings settings, long seed) {
        this(settings, seed, -1);
    }

    /** @param initialTsn when not -1, both sides start their TSNs here (to test the 2^32 wrap) */
    ChannelPair(SctpSettings settings, long seed, long initialTsn) {
        this(settings, seed, initialTsn, settings);
    }

    /** @param serverSettings the server side's settings, when they differ from the client's */
    ChannelPair(SctpSettings settings, long seed, long initialTsn, SctpSettings serverSettings) {
        toServer = new SimulatedLink(clock, seed, 10);
        toClient = new SimulatedLink(clock, seed + 1, 10);
        client = new Side(settings, DtlsRole.CLIENT, toServer, clock, seed + 2, initialTsn);
        server = new Side(serverSettings, DtlsRole.SERVER, toClient, clock, seed + 3, initialTsn);
        toServer.connectTo(server.transport::handlePacket);
        toClient.connectTo(client.transport::handlePacket);
    }

    ChannelPair connect() {
        client.transport.start();
        server.transport.start();
        if (!clock.runUntil(() -> client.connected && server.connected, 5, 60_000)) {
            throw new AssertionError("association not established");
        }
        return this;
    }

    /** Runs the clock until the condition holds; fails after {@code maxMillis} of simulated time. */
    void runUntil(java.util.function.BooleanSupplier done, long maxMillis) {
        if (!clock.runUntil(done, 5, maxMillis)) {
            throw new AssertionError("condition not reached within " + maxMillis + " ms of simulated time");
        }
    }

    @Override
    public void close() {
        client.transport.association().abort("test over");
        server.transport.association().abort("test over");
        clock.advanceMillis(120_000); // deliver (and so release) whatever is still on the links
    }

    record Received(int channelId, String label, byte[] data, boolean binary) {
        String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static final class Side implements DataChannelListener {
        final SctpEndpoint endpoint;
        final DataChannelTransport transport;
        final List<Received> messages = new ArrayList<>();
        final List<DataChannel> opened = new ArrayList<>();
        final List<DataChannel> closed = new ArrayList<>();
        final List<DataChannel> lowEvents = new ArrayList<>();
        boolean connected;
        CloseReason disconnected;

        Side(SctpSettings settings, DtlsRole role, SimulatedLink out, ManualScheduler clock, long seed,
             long initialTsn) {
            byte[] secret = new byte[32];
            new SplittableRandom(seed).nextBytes(secret);
            endpoint = new SctpEndpoint(settings, secret, PooledByteBufAllocator.DEFAULT,
                    initialTsn < 0 ? new SplittableRandom(seed) : new ForcedTsn(seed, initialTsn), new SctpCounters());
            transport = new DataChannelTransport(endpoint, role, out, clock, this);
        }

        @Override
        public void onConnected() {
            connected = true;
        }

        @Override
        public void onChannelOpen(DataChannel channel) {
            opened.add(channel);
        }

        @Override
        public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
            messages.add(new Received(channel.id(), channel.label(), ByteBufUtil.getBytes(data), binary));
        }

        @Override
        public void onChannelClosed(DataChannel channel) {
            closed.add(channel);
        }

        @Override
        public void onBufferedAmountLow(DataChannel channel) {
            lowEvents.add(channel);
        }

        @Override
        public void onDisconnected(CloseReason reason) {
            disconnected = reason;
        }

        DataChannel channel(String label) {
            return opened.stream().filter(c -> c.label().equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("no open channel " + label));
        }

        long count(dev.osprey.sctp.SctpCounter counter) {
            return endpoint.stats().count(counter);
        }
    }

    /**
     * Random values, except that the second one (the initial TSN of our INIT, drawn right after its tag) is fixed.
     */
    private static final class ForcedTsn implements java.util.random.RandomGenerator {
        private final SplittableRandom random;
        private final long initialTsn;
        private int calls;

        ForcedTsn(long seed, long initialTsn) {
            this.random = new SplittableRandom(seed);
            this.initialTsn = initialTsn;
        }

        @Override
        public long nextLong() {
            return ++calls == 2 ? initialTsn << 32 : random.nextLong();
        }
    }
}
