package dev.osprey.media.data;

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
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpScheduler;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.sctp.datachannel.ChannelOptions;
import dev.osprey.sctp.datachannel.DataChannel;
import dev.osprey.sctp.datachannel.DataChannelListener;
import dev.osprey.sctp.datachannel.DataChannelTransport;
import dev.osprey.srtp.SrtpKeyingMaterial;
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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A browser's data channel side on a loopback UDP socket: an ICE check (controlling, USE-CANDIDATE) to Osprey's
 * candidate, its own DTLS endpoint (dtls-srtp module) in the role it is told, and an SCTP association (sctp module)
 * over the DTLS application data, as Chromium runs usrsctp over its DTLS transport. Channels the stand-in sees open
 * (its own and Osprey's) and the messages on them are queued for assertions. Everything runs on one thread.
 */
final class BrowserStandIn implements DataChannelListener, AutoCloseable {
    record Message(String label, String text) {
    }

    private final DatagramSocket socket;
    private final DtlsHandshaker handshaker;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "browser-stand-in"));
    private final Thread reader;
    private final CompletableFuture<Void> sctpUp = new CompletableFuture<>();
    final Map<String, DataChannel> channels = new ConcurrentHashMap<>();
    final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private volatile InetSocketAddress server;
    private volatile DtlsEndpoint dtls;
    private volatile DataChannelTransport sctp;
    private volatile boolean closed;

    BrowserStandIn() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        handshaker = new DtlsHandshaker(DtlsConfig.DEFAULT, DtlsCertificate.generate(), PooledByteBufAllocator.DEFAULT,
                new SimpleMeterRegistry());
        reader = new Thread(this::read, "browser-stand-in-reader");
        reader.setDaemon(true);
        reader.start();
    }

    TransportFingerprint fingerprint() {
        String[] v = handshaker.fingerprint().sdpValue().split(" ", 2);
        return new TransportFingerprint(v[0], v[1]);
    }

    /** Checks Osprey's UDP candidate and runs DTLS in {@code role}; SCTP starts once DTLS is up. */
    void connect(LocalTransportDescription osprey, DtlsRole role) throws Exception {
        TransportCandidate udp = osprey.candidates().stream().filter(c -> c.protocol().equals("udp")).findFirst()
                .orElseThrow();
        server = new InetSocketAddress(udp.address(), udp.port());
        CertificateFingerprint remote = CertificateFingerprint.parse(osprey.fingerprint().algorithm() + " "
                + osprey.fingerprint().value());
        dev.osprey.sctp.DtlsRole sctpRole = role == DtlsRole.CLIENT ? dev.osprey.sctp.DtlsRole.CLIENT
                : dev.osprey.sctp.DtlsRole.SERVER;
        loop.submit(() -> {
            dtls = handshaker.newEndpoint("browser", role, List.of(remote), loop, this::sendDatagram,
                    new DtlsListener() {
                        @Override
                        public void onConnected(DtlsEndpoint endpoint, SrtpKeyingMaterial keys) {
                            sctp = new DataChannelTransport(SctpEndpoint.create(SctpSettings.defaults()), sctpRole,
                                    endpoint::sendApplicationData, scheduler(), BrowserStandIn.this);
                            sctp.start();
                        }

                        @Override
                        public void onClosed(DtlsEndpoint endpoint, DtlsCloseReason reason) {
                            sctpUp.completeExceptionally(new IllegalStateException("DTLS closed: " + reason));
                        }
                    }, data -> {
                        if (sctp != null) {
                            sctp.handlePacket(data.retain());
                        }
                    });
            dtls.start();
        }).get(5, TimeUnit.SECONDS);
        StunMessage check = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username(osprey.iceUfrag() + ":browser"))
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

    void awaitSctp() throws Exception {
        sctpUp.get(20, TimeUnit.SECONDS);
    }

    /** Opens a channel from the browser's side, as livekit-client does on its publisher connection. */
    void open(String label, ChannelOptions options) throws Exception {
        loop.submit(() -> sctp.open(label, options)).get(5, TimeUnit.SECONDS);
    }

    void sendText(String label, String text) throws Exception {
        loop.submit(() -> channels.get(label).sendText(text)).get(5, TimeUnit.SECONDS);
    }

    private SctpScheduler scheduler() {
        return new SctpScheduler() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(Runnable task, long delayNanos) {
                var future = loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }

    @Override
    public void onConnected() {
        sctpUp.complete(null);
    }

    @Override
    public void onChannelOpen(DataChannel channel) {
        channels.put(channel.label(), channel);
    }

    @Override
    public void onMessage(DataChannel channel, ByteBuf data, boolean binary) {
        messages.add(new Message(channel.label(), data.toString(StandardCharsets.UTF_8)));
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
            if (PacketClassifier.classify(b) == PacketKind.DTLS && dtls != null) {
                dtls.receive(b);
            }
        } finally {
            b.release();
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        socket.close();
        try {
            loop.submit(() -> {
                if (sctp != null) {
                    sctp.association().abort("test over");
                }
                if (dtls != null) {
                    dtls.close();
                }
            }).get(5, TimeUnit.SECONDS);
            reader.join(5000);
        } finally {
            loop.shutdownNow();
            loop.awaitTermination(5, TimeUnit.SECONDS);
            handshaker.close();
        }
    }
}
