package dev.osprey.signaling.data;

import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.data.PeerDataChannels;
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
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A client's peer connection reduced to its data channels: Osprey's SCTP association (reporting to the participant's
 * data path) and the client's, linked in memory by a {@link Wire}. What the client receives is kept as raw bytes.
 */
final class ClientPeer implements DataChannelListener, AutoCloseable {
    record Received(String label, byte[] bytes) {
    }

    final DataChannelTransport osprey;
    final DataChannelTransport client;
    final Map<String, DataChannel> channels = new LinkedHashMap<>();
    final List<Received> received = new ArrayList<>();
    private final Wire wire;

    ClientPeer(Wire wire, PeerDataChannels side, long seed) {
        this.wire = wire;
        SctpEndpoint endpoint = new SctpEndpoint(SctpSettings.defaults(), new byte[32], PooledByteBufAllocator.DEFAULT,
                new SplittableRandom(seed), new SctpCounters());
        boolean ospreyServer = side.role() == PeerConnectionRole.SUBSCRIBER;
        osprey = new DataChannelTransport(endpoint, ospreyServer ? DtlsRole.SERVER : DtlsRole.CLIENT,
                this::toClient, wire, side);
        client = new DataChannelTransport(endpoint, ospreyServer ? DtlsRole.CLIENT : DtlsRole.SERVER,
                p -> wire.carry(() -> osprey.handlePacket(p)), wire, this);
        side.opener((label, options) -> Optional.of(osprey.open(label, options)));
        osprey.start();
        client.start();
        wire.advanceMillis(50);
    }

    private void toClient(ByteBuf packet) {
        wire.carry(() -> client.handlePacket(packet));
    }

    void open(String label, ChannelOptions options) {
        client.open(label, options);
        wire.pump();
    }

    void send(String label, byte[] bytes) {
        channels.get(label).send(PooledByteBufAllocator.DEFAULT.buffer(Math.max(1, bytes.length)).writeBytes(bytes));
        wire.pump();
    }

    @Override
    public void onChannelOpen(DataChannel channel) {
        channels.put(channel.label(), channel);
    }

    @Override
    public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
        received.add(new Received(channel.label(), ByteBufUtil.getBytes(data)));
    }

    @Override
    public void close() {
        osprey.association().abort("test over");
        client.association().abort("test over");
        wire.pump();
    }
}
