package dev.osprey.turn.server;

import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.attribute.ChannelNumber;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.XorPeerAddress;
import dev.osprey.turn.allocation.TransportProtocol;
import dev.osprey.turn.frame.TurnStreamFrameDecoder;
import dev.osprey.turn.net.StreamConnectionHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A TURN connection over TCP (RFC 8656 §5, §12.5): framing across reads, padding, and the allocation's end. */
class StreamConnectionTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 6000);
    private final TurnHarness turn = new TurnHarness();
    private final EmbeddedChannel connection = new TcpChannel(new TurnStreamFrameDecoder(),
            new StreamConnectionHandler(turn.dispatcher, turn.services.registry(), TransportProtocol.TCP,
                    turn.metrics));
    private String nonce;

    @AfterEach
    void close() {
        connection.finishAndReleaseAll();
        turn.close();
    }

    @Test
    void allocatesOverAStreamSplitAcrossReadsAndDeletesWhenTheConnectionCloses() {
        StunMessage response = allocate();
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(turn.count("osprey.turn.allocations")).isEqualTo(1);
        connection.close();
        assertThat(turn.count("osprey.turn.allocations")).isZero();
        assertThat(turn.services.quota().total()).isZero();
        assertThat(turn.services.ports().inUse()).isZero();
    }

    @Test
    void paddedChannelDataIsRelayedWithoutItsPadding() {
        allocate();
        send(authenticated(StunMethod.CHANNEL_BIND, List.of(new ChannelNumber(0x4000), new XorPeerAddress(PEER))));
        releaseOutbound();
        connection.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("40000003aabbcc00" + "40000001dd000000")));
        EmbeddedChannel relay = turn.relay(0);
        DatagramPacket first = relay.readOutbound();
        DatagramPacket second = relay.readOutbound();
        assertThat(ByteBufUtil.hexDump(first.content())).isEqualTo("aabbcc");
        assertThat(ByteBufUtil.hexDump(second.content())).isEqualTo("dd");
        first.release();
        second.release();
    }

    @Test
    void unframeableBytesCloseTheConnectionAndDeleteTheAllocation() {
        allocate();
        connection.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("ff00000000000000")));
        assertThat(connection.isOpen()).isFalse();
        assertThat(turn.count("osprey.turn.allocations")).isZero();
    }

    @Test
    void overTlsEveryMessageIsFlushedOnItsOwnSoThatItGetsItsOwnRecord() {
        StreamConnectionHandler tls = new StreamConnectionHandler(turn.dispatcher, turn.services.registry(),
                TransportProtocol.TLS, turn.metrics);
        EmbeddedChannel tlsConnection = new TcpChannel(tls);
        tls.write(Unpooled.wrappedBuffer(new byte[]{1}));
        tls.write(Unpooled.wrappedBuffer(new byte[]{2}));
        assertThat(tlsConnection.outboundMessages()).hasSize(2);
        tlsConnection.finishAndReleaseAll();

        StreamConnectionHandler tcp = new StreamConnectionHandler(turn.dispatcher, turn.services.registry(),
                TransportProtocol.TCP, turn.metrics);
        EmbeddedChannel tcpConnection = new TcpChannel(tcp);
        tcp.write(Unpooled.wrappedBuffer(new byte[]{1}));
        tcp.write(Unpooled.wrappedBuffer(new byte[]{2}));
        assertThat(tcpConnection.outboundMessages()).as("TCP batches until the read batch ends").isEmpty();
        tcp.flush();
        assertThat(tcpConnection.outboundMessages()).hasSize(2);
        tcpConnection.finishAndReleaseAll();
    }

    private StunMessage allocate() {
        ByteBuf request = TurnHarness.encode(authenticated(StunMethod.ALLOCATE,
                List.of(new RequestedTransport(RequestedTransport.UDP))),
                TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD));
        connection.writeInbound(request.readRetainedSlice(7));
        connection.writeInbound(request);
        turn.loopOwner.runPendingTasks();
        return readResponse();
    }

    private StunMessage authenticated(StunMethod method, List<dev.osprey.stun.attribute.StunAttribute> attributes) {
        if (nonce == null) {
            connection.writeInbound(TurnHarness.encode(StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE,
                    dev.osprey.stun.TransactionId.random()).build(), dev.osprey.stun.MessageProtection.NONE));
            nonce = readResponse().attribute(dev.osprey.stun.attribute.Nonce.class).orElseThrow().value();
        }
        StunMessage.Builder builder = StunMessage.builder(StunClass.REQUEST, method,
                dev.osprey.stun.TransactionId.random());
        attributes.forEach(builder::add);
        return builder.add(new dev.osprey.stun.attribute.Username(TurnHarness.USER))
                .add(new dev.osprey.stun.attribute.Realm(TurnHarness.REALM))
                .add(new dev.osprey.stun.attribute.Nonce(nonce)).build();
    }

    private void send(StunMessage request) {
        connection.writeInbound(TurnHarness.encode(request,
                TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD)));
    }

    private StunMessage readResponse() {
        ByteBuf out = connection.readOutbound();
        try {
            return StunDecoder.decode(out);
        } finally {
            out.release();
        }
    }

    private void releaseOutbound() {
        connection.releaseOutbound();
    }

    /** An embedded channel with the socket addresses of a TCP connection. */
    private static final class TcpChannel extends EmbeddedChannel {
        TcpChannel(ChannelHandler... handlers) {
            super(handlers);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return CLIENT;
        }

        @Override
        protected SocketAddress localAddress0() {
            return TurnHarness.SERVER;
        }
    }
}
