package dev.osprey.signaling;

import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * permessage-deflate (RFC 7692), which browsers always offer, spoken by hand over a socket: the JDK client does not
 * negotiate it, and a deflate bomb must be caught by the decompressed-size limit, not just the frame size.
 */
class CompressedSessionTest {

    private static LoopbackServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new LoopbackServer(new SignalingConfig("127.0.0.1", 0, Map.of("devkey", "secret"), true, 4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Opens a WebSocket offering permessage-deflate and returns the socket after a 101 that accepted it. */
    private static Socket handshake() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.address.getPort());
        socket.setSoTimeout(5000);
        String request = "GET /rtc?access_token=" + RtcRoutesTest.token("zip", "r") + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String head = readHead(socket);
        assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("permessage-deflate");
        return socket;
    }

    private static String readHead(Socket socket) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** RFC 7692 section 7.2.1: raw DEFLATE with the final empty block's 00 00 FF FF tail removed. */
    private static byte[] deflate(byte[] message) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(message);
        byte[] buffer = new byte[message.length + 64];
        int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(buffer, length - 4);
    }

    /** One masked client frame: FIN, RSV1 (compressed), binary opcode (RFC 6455 section 5.2). */
    private static void sendCompressed(Socket socket, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0xC2);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
    }

    private record Frame(int firstByte, byte[] payload) { }

    private static Frame readFrame(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(first, payload);
    }

    @Test
    void compressedPingGetsACompressedPong() throws Exception {
        try (Socket socket = handshake()) {
            sendCompressed(socket, deflate(SignalRequest.newBuilder().setPing(7).build().toByteArray()));
            Frame reply = readFrame(socket);
            assertThat(reply.firstByte()).isEqualTo(0xC2);
            Inflater inflater = new Inflater(true);
            inflater.setInput(concat(reply.payload(), new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}));
            byte[] out = new byte[256];
            int n = inflater.inflate(out);
            inflater.end();
            assertThat(SignalResponse.parseFrom(Arrays.copyOf(out, n)).hasPong()).isTrue();
        }
    }

    @Test
    void deflateBombIsClosedAsTooBig() throws Exception {
        try (Socket socket = handshake()) {
            byte[] bomb = deflate(new byte[200_000]); // a few hundred bytes on the wire
            assertThat(bomb.length).isLessThan(4096);
            sendCompressed(socket, bomb);
            Frame close = readFrame(socket);
            assertThat(close.firstByte() & 0x0F).isEqualTo(0x8);
            assertThat(((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF)).isEqualTo(1009);
        }
    }

    @Test
    void corruptDeflateDataIsInvalidPayload() throws Exception {
        try (Socket socket = handshake()) {
            sendCompressed(socket, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00, 0x12});
            Frame close = readFrame(socket);
            assertThat(close.firstByte() & 0x0F).isEqualTo(0x8);
            assertThat(((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF)).isEqualTo(1007);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
