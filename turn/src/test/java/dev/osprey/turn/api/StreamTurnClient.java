package dev.osprey.turn.api;

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
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.Username;
import dev.osprey.turn.auth.LongTermKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A blocking TURN client over one TCP connection, for tests with real sockets: long-term credentials of
 * {@link LoopbackTurnServer#USER}, the nonce learnt from a first 401 (or handed over from another connection of the
 * same client, as RFC 6062 clients do for their data connections), and raw bytes once the connection is a data
 * connection.
 */
final class StreamTurnClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 5000;
    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String nonce;

    StreamTurnClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Uses the nonce another connection of this client learnt. */
    StreamTurnClient withNonceOf(StreamTurnClient other) {
        nonce = other.nonce;
        return this;
    }

    /** An authenticated request; returns the response. */
    StunMessage request(StunMethod method, StunAttribute... attributes) throws IOException {
        write(encodeRequest(method, attributes));
        return read();
    }

    /** The bytes of an authenticated request (learning a nonce first if this client has none). */
    byte[] encodeRequest(StunMethod method, StunAttribute... attributes) throws IOException {
        if (nonce == null) {
            write(encode(StunMessage.builder(StunClass.REQUEST, method, TransactionId.random()).build(),
                    MessageProtection.NONE));
            nonce = read().attribute(Nonce.class).orElseThrow().value();
        }
        StunMessage.Builder builder = StunMessage.builder(StunClass.REQUEST, method, TransactionId.random());
        for (StunAttribute attribute : attributes) {
            builder.add(attribute);
        }
        builder.add(new Username(LoopbackTurnServer.USER)).add(new Realm(LoopbackTurnServer.REALM))
                .add(new Nonce(nonce));
        return encode(builder.build(), MessageProtection.integrity(IntegrityKey.ofBytes(LongTermKey.derive(
                LoopbackTurnServer.USER, LoopbackTurnServer.REALM, LoopbackTurnServer.PASSWORD))));
    }

    private static byte[] encode(StunMessage message, MessageProtection protection) {
        ByteBuf buf = Unpooled.buffer();
        try {
            StunEncoder.encode(message, buf, protection);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** The next STUN message on the stream. */
    StunMessage read() throws IOException {
        byte[] header = readExactly(20);
        int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        byte[] message = new byte[20 + length];
        System.arraycopy(header, 0, message, 0, 20);
        in.readFully(message, 20, length);
        ByteBuf buf = Unpooled.wrappedBuffer(message);
        try {
            return StunDecoder.decode(buf);
        } finally {
            buf.release();
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Whether the server closed the connection: the next read sees the end of the stream. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
