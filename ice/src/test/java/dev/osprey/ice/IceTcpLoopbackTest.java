package dev.osprey.ice;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import static dev.osprey.ice.RecordingListener.next;
import static org.assertj.core.api.Assertions.assertThat;

/** ICE-TCP passive over a real loopback connection, the check written in three pieces. */
class IceTcpLoopbackTest {
    private LoopbackAgent fixture;

    @BeforeEach
    void start() {
        fixture = new LoopbackAgent();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        byte[] f = new byte[in.readUnsignedShort()];
        in.readFully(f);
        return f;
    }

    @Test
    void checkAndMediaOverTcp() throws Exception {
        IceCredentials a = IceCredentials.random();
        RecordingListener l = new RecordingListener();
        IceTransport t = fixture.agent.createTransport(a, l);
        assertThat(t.localCandidates()).anySatisfy(c -> {
            assertThat(c.protocol()).isEqualTo(TransportProtocol.TCP);
            assertThat(c.address()).isEqualTo(fixture.agent.tcpLocalAddress());
            assertThat(c.toSdpAttribute()).endsWith("typ host tcptype passive");
        });
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(5000);
            s.connect(fixture.agent.tcpLocalAddress());
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] check = Checks.check(a, true);
            out.write(new byte[]{(byte) (check.length >> 8)});
            out.flush();
            out.write(new byte[]{(byte) check.length});
            out.write(check, 0, 10);
            out.flush();
            out.write(check, 10, check.length - 10);
            out.flush();
            Responses.assertSuccess(readFrame(in), Checks.transactionId(check),
                    (InetSocketAddress) s.getLocalSocketAddress(), a.password());
            FiveTuple pair = next(l.selected);
            assertThat(pair.protocol()).isEqualTo(TransportProtocol.TCP);
            assertThat(pair.remote()).isEqualTo(s.getLocalSocketAddress());

            byte[] rtp = Checks.rtp(4);
            out.write(new byte[]{0, (byte) rtp.length});
            out.write(rtp);
            out.flush();
            assertThat(next(l.packets).bytes()).isEqualTo(rtp);

            t.send(Unpooled.wrappedBuffer(Checks.rtp(5)));
            assertThat(readFrame(in)).isEqualTo(Checks.rtp(5));
        }
        assertThat(next(l.states)).isEqualTo(IceTransportState.CONNECTED);
        assertThat(next(l.states)).isEqualTo(IceTransportState.DISCONNECTED); // the connection closed
    }
}
