package dev.osprey.dtls;

import dev.osprey.srtp.SrtpKeyingMaterial;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One side of a test handshake: a handshaker, an event loop thread and an endpoint whose events land in futures. */
final class DtlsTestPeer implements DtlsListener, AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final DtlsCertificate certificate;
    final DtlsHandshaker handshaker;
    final ExecutorService eventLoop = Executors.newSingleThreadExecutor();
    final CompletableFuture<SrtpKeyingMaterial> connected = new CompletableFuture<>();
    final CompletableFuture<DtlsCloseReason> closed = new CompletableFuture<>();
    final LinkedBlockingQueue<byte[]> applicationData = new LinkedBlockingQueue<>();
    DtlsEndpoint endpoint;

    DtlsTestPeer(DtlsConfig config) {
        this(config, DtlsCertificate.generate());
    }

    DtlsTestPeer(DtlsConfig config, DtlsCertificate certificate) {
        this.certificate = certificate;
        this.handshaker = new DtlsHandshaker(config, certificate, ByteBufAllocator.DEFAULT, registry);
    }

    /** Creates the endpoint; {@code out} gets each outgoing datagram (and must release it). */
    DtlsEndpoint open(DtlsRole role, CertificateFingerprint remote, Consumer<ByteBuf> out) {
        endpoint = handshaker.newEndpoint(role.name().toLowerCase(), role, List.of(remote), eventLoop, out::accept,
                this, data -> applicationData.add(ByteBufUtil.getBytes(data)));
        return endpoint;
    }

    /** Feeds a datagram on this peer's event loop, releasing it afterwards. */
    void deliver(ByteBuf datagram) {
        try {
            eventLoop.execute(() -> {
                try {
                    endpoint.receive(datagram);
                } finally {
                    datagram.release();
                }
            });
        } catch (RejectedExecutionException e) {
            datagram.release(); // this peer already shut down
        }
    }

    /** Runs {@code task} on the event loop and waits for it. */
    void onLoop(Runnable task) throws Exception {
        eventLoop.submit(task).get(10, TimeUnit.SECONDS);
    }

    double handshakes(String result) {
        return registry.get("osprey.dtls.handshakes").tag("result", result).counter().count();
    }

    @Override
    public void onConnected(DtlsEndpoint e, SrtpKeyingMaterial keys) {
        connected.complete(keys);
    }

    @Override
    public void onClosed(DtlsEndpoint e, DtlsCloseReason reason) {
        closed.complete(reason);
        connected.completeExceptionally(new IllegalStateException("closed: " + reason));
    }

    @Override
    public void close() throws Exception {
        if (endpoint != null) {
            onLoop(endpoint::close);
        }
        eventLoop.shutdown();
        eventLoop.awaitTermination(10, TimeUnit.SECONDS);
        handshaker.close();
    }
}
