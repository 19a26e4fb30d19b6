package dev.osprey.media.data;

import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.sctp.DtlsRole;
import dev.osprey.sctp.SctpCounters;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;
import dev.osprey.sctp.datachannel.DataChannelListener;
import dev.osprey.sctp.datachannel.DataChannelTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One peer connection's data channels end to end in memory: Osprey's SCTP association (its events go to the
 * participant's {@link PeerDataChannels}, channels open through it) and the client's, linked by a {@link Wire}.
 * The link toward the client can be held, as for a receiver that stops reading.
 */
final class ClientConnection implements DataChannelListener, AutoCloseable {
    record Received(String label, byte[] data, boolean binary) {
    }

    final DataChannelTransport osprey;
    final DataChannelTransport client;
    final Map<String, DataChannel> channels = new LinkedHashMap<>();
    final List<Received> received = new ArrayList<>();
    private final Wire wire;
    private final List<ByteBuf> held = new ArrayList<>();
    private boolean holding;

    ClientConnection(Wire wire, PeerDataChannels side, long seed) {
        this(wire, side, seed, SctpSettings.defaults());
    }

    ClientConnection(Wire wire, PeerDataChannels side, long seed, SctpSettings settings) {
        this.wire = wire;
        SctpEndpoint endpoint = new SctpEndpoint(settings, new byte[32], PooledByteBufAllocator.DEFAULT,
                new SplittableRandom(seed), new SctpCounters());
        // as with LiveKit clients: Osprey is the DTLS server on the subscriber connection, the client on the other
        boolean ospreyServer = side.role() == PeerConnectionRole.SUBSCRIBER;
        osprey = new DataChannelTransport(endpoint, ospreyServer ? DtlsRole.SERVER : DtlsRole.CLIENT, this::toClient,
                wire, side);
        client = new DataChannelTransport(endpoint, ospreyServer ? DtlsRole.CLIENT : DtlsRole.SERVER,
                p -> wire.carry(() -> osprey.handlePacket(p)), wire, this);
        side.opener((label, options) -> java.util.Optional.of(osprey.open(label, options)));
    }

    private void toClient(ByteBuf packet) {
        if (holding) {
            held.add(packet);
        } else {
            wire.carry(() -> client.handlePacket(packet));
        }
    }

    ClientConnection connect() {
        osprey.start();
        client.start();
        wire.advanceMillis(50);
        if (!client.association().state().name().equals("ESTABLISHED")) {
            throw new AssertionError("association not established: " + client.association().state());
        }
        return this;
    }

    /** The client opens a channel (as livekit-client does on its publisher connection). */
    DataChannel open(String label, ChannelOptions options) {
        DataChannel c = client.open(label, options);
        wire.pump();
        return c;
    }

    void sendFromClient(String label, byte[] bytes) {
        channels.get(label).send(PooledByteBufAllocator.DEFAULT.buffer(Math.max(1, bytes.length)).writeBytes(bytes));
        wire.pump();
    }

    /** Packets toward the client are kept instead of delivered: no SACK comes back. */
    void hold() {
        holding = true;
    }

    @Override
    public void onChannelOpen(DataChannel channel) {
        channels.put(channel.label(), channel);
    }

    @Override
    public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
        received.add(new Received(channel.label(), ByteBufUtil.getBytes(data), binary));
    }

    @Override
    public void close() {
        osprey.association().abort("test over");
        client.association().abort("test over");
        wire.pump();
        held.forEach(ByteBuf::release);
        held.clear();
    }
}
