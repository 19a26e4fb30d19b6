package dev.osprey.turn.api;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.XorMappedAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public face the server module uses: start, answer on the bound port, refuse a second start, stop. */
class TurnServerLifecycleTest {

    @Test
    void answersBindingRequestsAndStops() throws Exception {
        try (LoopbackTurnServer turn = new LoopbackTurnServer(b -> b)) {
            assertThat(turn.server.boundAddresses()).containsKeys("UDP", "TCP");
            int port = turn.udpPort();
            assertThat(bindingFrom(port)).isNotNull();
            assertThatThrownBy(turn.server::start).isInstanceOf(IllegalStateException.class);

            turn.server.stop();
            assertThat(turn.server.boundAddresses()).isEmpty();
            turn.server.stop(); // idempotent
        }
    }

    @Test
    void aTakenPortFailsToStartWithAClearMessage() throws Exception {
        try (LoopbackTurnServer first = new LoopbackTurnServer(b -> b)) {
            TurnConfig clash = first.config.toBuilder().build();
            TurnServer second = new TurnServer(clash, first.meters, TurnTransport.of(first.group,
                    io.netty.channel.socket.nio.NioDatagramChannel.class,
                    io.netty.channel.socket.nio.NioServerSocketChannel.class));
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot bind TURN");
            assertThat(second.boundAddresses()).isEmpty();
        }
    }

    /** Sends a Binding request over UDP and returns the reflexive address in the answer. */
    private static InetSocketAddress bindingFrom(int port) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            ByteBuf request = Unpooled.buffer();
            StunEncoder.encode(StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                    .build(), request, MessageProtection.FINGERPRINT);
            byte[] bytes = new byte[request.readableBytes()];
            request.readBytes(bytes).release();
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
            socket.receive(answer);
            ByteBuf response = Unpooled.wrappedBuffer(Arrays.copyOf(answer.getData(), answer.getLength()));
            try {
                InetSocketAddress mapped = StunDecoder.decode(response).attribute(XorMappedAddress.class)
                        .orElseThrow().address();
                assertThat(mapped.getPort()).isEqualTo(socket.getLocalPort());
                return mapped;
            } finally {
                response.release();
            }
        }
    }
}
