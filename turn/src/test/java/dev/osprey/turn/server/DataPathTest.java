package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.Data;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.allocation.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** ChannelData, Send and Data indications in both directions (RFC 8656 §10, §12) and what is dropped. */
class DataPathTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 6000);
    private static final byte[] PAYLOAD = {1, 2, 3, 4, 5};
    private TurnHarness turn = new TurnHarness();
    private FakeClient client = turn.client(40000);

    @AfterEach
    void close() {
        client.releaseAll();
        turn.close();
    }

    private EmbeddedChannel allocate() {
        turn.request(client, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP));
        return turn.relay(0);
    }

    @Test
    void channelDataGoesToTheBoundPeerAsASliceWithoutCopy() {
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        ByteBuf frame = Unpooled.wrappedBuffer(HexFormat.of().parseHex("400000050102030405000000"));
        frame.retain();
        turn.send(client, frame);
        DatagramPacket out = relay.readOutbound();
        assertThat(out.recipient()).isEqualTo(PEER);
        assertThat(ByteBufUtil.getBytes(out.content())).containsExactly(PAYLOAD);
        assertThat(out.content().unwrap()).isSameAs(frame.unwrap() == null ? frame : frame.unwrap());
        out.release();
        assertThat(frame.refCnt()).isEqualTo(1);
        frame.release();
        assertThat(turn.count("osprey.turn.relayed.packets", "direction", "client_to_peer")).isEqualTo(1);
        assertThat(turn.count("osprey.turn.relayed.bytes", "direction", "client_to_peer")).isEqualTo(5);
    }

    @Test
    void channelDataForAnUnboundChannelIsDroppedAndCounted() {
        EmbeddedChannel relay = allocate();
        turn.send(client, Unpooled.wrappedBuffer(HexFormat.of().parseHex("4001000501020304050000")));
        assertThat((Object) relay.readOutbound()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "unbound_channel")).isEqualTo(1);
    }

    @Test
    void channelDataWithoutAllocationOrTooShortIsDropped() {
        turn.send(client, Unpooled.wrappedBuffer(HexFormat.of().parseHex("4000000501")));
        assertThat(turn.count("osprey.turn.dropped", "reason", "malformed")).isEqualTo(1);
        turn.send(client, Unpooled.wrappedBuffer(HexFormat.of().parseHex("400000020102")));
        assertThat(turn.count("osprey.turn.dropped", "reason", "no_allocation")).isEqualTo(1);
    }

    @Test
    void sendIndicationGoesToAPermittedPeer() {
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        turn.send(client, sendIndication(PEER));
        DatagramPacket out = relay.readOutbound();
        assertThat(out.recipient()).isEqualTo(PEER);
        assertThat(ByteBufUtil.getBytes(out.content())).containsExactly(PAYLOAD);
        out.release();
        assertThat(client.poll()).isNull(); // indications are never answered
    }

    @Test
    void sendIndicationToAPeerWithoutPermissionIsDroppedAndCounted() {
        EmbeddedChannel relay = allocate();
        turn.send(client, sendIndication(PEER));
        assertThat((Object) relay.readOutbound()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "no_permission")).isEqualTo(1);
        assertThat(client.poll()).isNull();
    }

    @Test
    void sendIndicationWithoutDataOrPeerIsDropped() {
        allocate();
        turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        turn.send(client, TurnHarness.encode(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND,
                TransactionId.random()).add(new XorPeerAddress(PEER)).build(), MessageProtection.NONE));
        turn.send(client, TurnHarness.encode(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND,
                TransactionId.random()).add(new Data(PAYLOAD)).build(), MessageProtection.NONE));
        assertThat(turn.count("osprey.turn.dropped", "reason", "bad_indication")).isEqualTo(2);
    }

    @Test
    void peerDataBecomesADataIndicationWithoutAChannel() {
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        relay.writeInbound(TurnHarness.fromPeer(PEER, client.allocation().relayAddress(), PAYLOAD));
        ByteBuf framed = client.poll();
        StunMessage indication = StunDecoder.decode(framed);
        framed.release();
        assertThat(indication.messageClass()).isEqualTo(StunClass.INDICATION);
        assertThat(indication.method()).isEqualTo(StunMethod.DATA);
        assertThat(indication.attribute(XorPeerAddress.class).orElseThrow().address()).isEqualTo(PEER);
        assertThat(indication.attribute(Data.class).orElseThrow().data()).containsExactly(PAYLOAD);
        assertThat(client.flushes).isPositive();
        assertThat(turn.count("osprey.turn.relayed.packets", "direction", "peer_to_client")).isEqualTo(1);
    }

    @Test
    void peerDataBecomesChannelDataOnABoundChannelPaddedOnStreams() {
        client.releaseAll();
        client = turn.client(40001, TransportProtocol.TCP);
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4123), new XorPeerAddress(PEER));
        relay.writeInbound(TurnHarness.fromPeer(PEER, client.allocation().relayAddress(), PAYLOAD));
        ByteBuf framed = client.poll();
        assertThat(ByteBufUtil.hexDump(framed)).isEqualTo("412300050102030405000000");
        framed.release();
    }

    @Test
    void peerDataFromAnAddressWithoutPermissionIsDropped() {
        EmbeddedChannel relay = allocate();
        relay.writeInbound(TurnHarness.fromPeer(PEER, client.allocation().relayAddress(), PAYLOAD));
        assertThat(client.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "no_permission")).isEqualTo(1);
    }

    @Test
    void aFullClientSocketDropsInsteadOfQueueing() {
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        client.writable = false;
        relay.writeInbound(TurnHarness.fromPeer(PEER, client.allocation().relayAddress(), PAYLOAD));
        assertThat(client.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "backpressure")).isEqualTo(1);
    }

    @Test
    void bandwidthCapDropsUntilTheNextSecond() {
        turn.close();
        client.releaseAll();
        turn = new TurnHarness(b -> b.maxAllocationBytesPerSecond(8));
        client = turn.client(40000);
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        ByteBuf frame = Unpooled.wrappedBuffer(HexFormat.of().parseHex("400000050102030405000000"));
        turn.send(client, frame.retain());
        turn.send(client, frame.retain());
        assertThat(turn.count("osprey.turn.dropped", "reason", "bandwidth")).isEqualTo(1);
        turn.clock.advanceSeconds(1);
        turn.sweep();
        turn.send(client, frame);
        assertThat(turn.count("osprey.turn.relayed.packets", "direction", "client_to_peer")).isEqualTo(2);
        for (DatagramPacket out; (out = relay.readOutbound()) != null; ) {
            out.release();
        }
    }

    @Test
    void relayFlushesOncePerReadBatch() {
        EmbeddedChannel relay = allocate();
        turn.request(client, StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(PEER));
        ByteBuf frame = Unpooled.wrappedBuffer(HexFormat.of().parseHex("400000050102030405000000"));
        for (int i = 0; i < 3; i++) {
            turn.dispatcher.onFrame(frame, client);
        }
        frame.release();
        assertThat(relay.outboundMessages()).isEmpty(); // written, not yet flushed
        client.endOfReadBatch();
        assertThat(relay.outboundMessages()).hasSize(3);
        relay.releaseOutbound();
    }

    private static ByteBuf sendIndication(InetSocketAddress peer) {
        return TurnHarness.encode(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND, TransactionId.random())
                .add(new XorPeerAddress(peer)).add(new Data(PAYLOAD)).build(), MessageProtection.NONE);
    }
}
