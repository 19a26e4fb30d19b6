package dev.osprey.media.transport;

import dev.osprey.dtls.CertificateFingerprint;
import dev.osprey.dtls.DtlsCertificate;
import dev.osprey.dtls.DtlsCloseReason;
import dev.osprey.dtls.DtlsConfig;
import dev.osprey.dtls.DtlsEndpoint;
import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.dtls.DtlsListener;
import dev.osprey.dtls.DtlsRole;
import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.TransportCandidate;
import dev.osprey.media.api.TransportFingerprint;
import dev.osprey.rtp.PacketClassifier;
import dev.osprey.rtp.PacketKind;
import dev.osprey.srtp.SrtpKeyingMaterial;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;
import dev.osprey.srtp.SrtpSession;
import dev.osprey.srtp.SrtpStatus;
import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.IceControlling;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.UseCandidate;
import dev.osprey.stun.attribute.Username;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A browser stand-in on a loopback UDP socket: it sends an ICE check (controlling, USE-CANDIDATE) to Osprey's
 * candidate, runs its own DTLS endpoint (dtls-srtp module) in the role it is told, and then protects and unprotects
 * SRTP with the exported keys. Received SRTP/SRTCP is decrypted and queued for assertions.
 */
final class LoopbackPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final DtlsHandshaker handshaker;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "loopback-peer"));
    private final Thread reader;
    private final CompletableFuture<SrtpKeyingMaterial> connected = new CompletableFuture<>();
    final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
    private volatile InetSocketAddress server;
    private volatile DtlsEndpoint dtls;
    private volatile SrtpSession outbound;
    private volatile SrtpSession inbound;
    private volatile boolean closed;

    LoopbackPeer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        handshaker = new DtlsHandshaker(DtlsConfig.DEFAULT, DtlsCertificate.generate(), PooledByteBufAllocator.DEFAULT,
                new SimpleMeterRegistry());
        reader = new Thread(this::read, "loopback-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    TransportFingerprint fingerprint() {
        String[] v = handshaker.fingerprint().sdpValue().split(" ", 2);
        return new TransportFingerprint(v[0], v[1]);
    }

    /** Checks Osprey's UDP candidate and starts DTLS in {@code role} against Osprey's fingerprint. */
    void connect(LocalTransportDescription osprey, DtlsRole role) throws Exception {
        TransportCandidate udp = osprey.candidates().stream().filter(c -> c.protocol().equals("udp")).findFirst()
                .orElseThrow();
        server = new InetSocketAddress(udp.address(), udp.port());
        CertificateFingerprint remote = CertificateFingerprint.parse(osprey.fingerprint().algorithm() + " "
                + osprey.fingerprint().value());
        loop.submit(() -> {
            dtls = handshaker.newEndpoint("peer", role, List.of(remote), loop, this::sendDatagram, new DtlsListener() {
                @Override
                public void onConnected(DtlsEndpoint endpoint, SrtpKeyingMaterial keys) {
                    boolean client = endpoint.role() == DtlsRole.CLIENT;
                    SrtpMetrics metrics = SrtpMetrics.standalone();
                    outbound = new SrtpSession(keys.local(client), SrtpPolicy.DEFAULT, metrics);
                    inbound = new SrtpSession(keys.remote(client), SrtpPolicy.DEFAULT, metrics);
                    connected.complete(keys);
                }

                @Override
                public void onClosed(DtlsEndpoint endpoint, DtlsCloseReason reason) {
                    connected.completeExceptionally(new IllegalStateException("DTLS closed: " + reason));
                }
            }, data -> { });
            dtls.start();
        }).get(5, TimeUnit.SECONDS); // ready for Osprey's ClientHello before the check lets Osprey send it
        StunMessage check = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username(osprey.iceUfrag() + ":peer"))
                .add(new Priority(0x6E7F1EFFL))
                .add(new IceControlling(0x0102030405060708L))
                .add(UseCandidate.INSTANCE)
                .build();
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.heapBuffer();
        try {
            StunEncoder.encode(check, encoded,
                    MessageProtection.integrity(IntegrityKey.shortTerm(osprey.icePassword())).withFingerprint());
            send(ByteBufUtil.getBytes(encoded));
        } finally {
            encoded.release();
        }
    }

    SrtpKeyingMaterial awaitConnected() throws Exception {
        return connected.get(20, TimeUnit.SECONDS);
    }

    /** Protects and sends one RTP packet (the bytes of a plain packet). */
    void sendRtp(byte[] plain) throws Exception {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(plain.length + 32);
        try {
            b.writeBytes(plain);
            if (outbound.protectRtp(b) != SrtpStatus.OK) {
                throw new IllegalStateException("protect failed");
            }
            send(ByteBufUtil.getBytes(b));
        } finally {
            b.release();
        }
    }

    private void sendDatagram(ByteBuf datagram) {
        try {
            send(ByteBufUtil.getBytes(datagram));
        } catch (IOException e) {
            // the socket closed with the test
        } finally {
            datagram.release();
        }
    }

    private void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    private void read() {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            byte[] bytes = Arrays.copyOf(buf, p.getLength());
            loop.execute(() -> onDatagram(bytes));
        }
    }

    private void onDatagram(byte[] bytes) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
        try {
            b.writeBytes(bytes);
            PacketKind kind = PacketClassifier.classify(b);
            if (kind == PacketKind.DTLS && dtls != null) {
                dtls.receive(b);
            } else if (kind == PacketKind.RTP && inbound != null && inbound.unprotectRtp(b) == SrtpStatus.OK) {
                rtp.add(ByteBufUtil.getBytes(b));
            } else if (kind == PacketKind.RTCP && inbound != null && inbound.unprotectRtcp(b) == SrtpStatus.OK) {
                rtcp.add(ByteBufUtil.getBytes(b));
            }
        } finally {
            b.release();
        }
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        closed = true;
        socket.close();
        try {
            loop.submit(() -> {
                if (dtls != null) {
                    dtls.close();
                }
            }).get(5, TimeUnit.SECONDS);
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdown();
            handshaker.close();
        }
    }
}
