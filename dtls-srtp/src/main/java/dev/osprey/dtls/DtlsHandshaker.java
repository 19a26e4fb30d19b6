package dev.osprey.dtls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBufAllocator;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs DTLS handshakes off the event loops. BouncyCastle's {@code DTLSServerProtocol.accept} and
 * {@code DTLSClientProtocol.connect} block their thread for the whole handshake, so they run on a fixed pool of
 * {@link DtlsConfig#handshakeThreads()} threads fed by a queue of {@link DtlsConfig#pendingHandshakes()}; when both
 * are full a new handshake fails at once with {@link DtlsCloseReason#OVERLOADED} rather than queueing without bound.
 *
 * <p>One per server, shared by every transport; it owns the certificate, the crypto provider and the metrics
 * ({@code osprey.dtls.handshakes} by result, {@code osprey.dtls.handshake.duration},
 * {@code osprey.dtls.handshakes.active}, {@code osprey.dtls.datagrams.dropped}).
 */
public final class DtlsHandshaker implements AutoCloseable {

    private final DtlsConfig config;
    private final DtlsCertificate certificate;
    private final JcaTlsCrypto crypto;
    private final ThreadPoolExecutor executor;
    private final ByteBufAllocator allocator;
    private final AtomicInteger active = new AtomicInteger();
    private final Counter connected;
    private final Map<DtlsCloseReason, Counter> failed = new EnumMap<>(DtlsCloseReason.class);
    private final Counter malformedDatagrams;
    private final Counter queueFullDatagrams;
    private final Timer duration;

    /**
     * @param config      handshake settings
     * @param certificate our identity (its fingerprint goes into SDP)
     * @param allocator   allocates outgoing datagrams
     * @param registry    where the metrics go
     */
    public DtlsHandshaker(DtlsConfig config, DtlsCertificate certificate, ByteBufAllocator allocator,
                          MeterRegistry registry) {
        this.config = config;
        this.certificate = certificate;
        this.allocator = allocator;
        this.crypto = (JcaTlsCrypto) new JcaTlsCryptoProvider().create(new SecureRandom());
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.handshakeThreads(), config.handshakeThreads(), 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, config.pendingHandshakes())), r -> {
                    Thread t = new Thread(r, "osprey-dtls-handshake-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        this.connected = Counter.builder("osprey.dtls.handshakes").tag("result", "connected")
                .description("DTLS handshakes by result").register(registry);
        for (DtlsCloseReason reason : DtlsCloseReason.values()) {
            failed.put(reason, Counter.builder("osprey.dtls.handshakes")
                    .tag("result", reason.name().toLowerCase(Locale.ROOT))
                    .description("DTLS handshakes by result").register(registry));
        }
        this.malformedDatagrams = Counter.builder("osprey.dtls.datagrams.dropped").tag("reason", "malformed")
                .register(registry);
        this.queueFullDatagrams = Counter.builder("osprey.dtls.datagrams.dropped").tag("reason", "queue_full")
                .register(registry);
        this.duration = Timer.builder("osprey.dtls.handshake.duration").register(registry);
        Gauge.builder("osprey.dtls.handshakes.active", active, AtomicInteger::get).register(registry);
    }

    /** The SHA-256 fingerprint of our certificate, for {@code a=fingerprint}. */
    public CertificateFingerprint fingerprint() {
        return certificate.fingerprint();
    }

    /** The settings in force. */
    public DtlsConfig config() {
        return config;
    }

    /**
     * Creates the DTLS endpoint of one transport. Call {@link DtlsEndpoint#start()} once ICE has a pair.
     *
     * @param id                 transport id for logs
     * @param role               from SDP {@code a=setup}
     * @param remoteFingerprints from the remote SDP's {@code a=fingerprint} lines
     * @param eventLoop          the transport's event loop: callbacks and sends run there
     * @param sender             writes datagrams to the peer
     * @param listener           connected / closed events
     * @param applicationData    receives data channel (SCTP) payloads after the handshake
     */
    public DtlsEndpoint newEndpoint(String id, DtlsRole role, List<CertificateFingerprint> remoteFingerprints,
                                   Executor eventLoop, DtlsSender sender, DtlsListener listener,
                                   DtlsApplicationDataHandler applicationData) {
        if (remoteFingerprints.isEmpty()) {
            throw new IllegalArgumentException("the remote description carries no fingerprint");
        }
        DtlsSrtpNegotiation negotiation = new DtlsSrtpNegotiation(config, certificate, remoteFingerprints, crypto);
        RecordQueueTransport transport = new RecordQueueTransport(config, allocator, eventLoop, sender);
        return new DtlsEndpoint(id, role, this, negotiation, transport, eventLoop, listener, applicationData);
    }

    /** Handshakes running now. */
    public int activeHandshakes() {
        return active.get();
    }

    boolean submit(Runnable handshake) {
        try {
            executor.execute(() -> {
                active.incrementAndGet();
                try {
                    handshake.run();
                } finally {
                    active.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void recordConnected(long nanos) {
        connected.increment();
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void recordFailed(DtlsCloseReason reason) {
        failed.get(reason).increment();
    }

    void recordMalformedDatagram() {
        malformedDatagrams.increment();
    }

    void recordQueueFull() {
        queueFullDatagrams.increment();
    }

    /** Stops taking handshakes; running ones end with their endpoints. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
