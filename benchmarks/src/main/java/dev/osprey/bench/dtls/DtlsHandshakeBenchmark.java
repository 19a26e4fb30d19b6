package dev.osprey.bench.dtls;

import dev.osprey.dtls.DtlsCertificate;
import dev.osprey.dtls.DtlsCloseReason;
import dev.osprey.dtls.DtlsConfig;
import dev.osprey.dtls.DtlsEndpoint;
import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.dtls.DtlsListener;
import dev.osprey.dtls.DtlsRole;
import dev.osprey.srtp.SrtpKeyingMaterial;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One full DTLS 1.2 handshake, Osprey server (ECDSA P-256 certificate, X25519, use_srtp) against Osprey client,
 * over an in-memory datagram link, until both sides have exported their SRTP keys. Both sides run in this JVM on the
 * same cores, so the server alone costs roughly half of the time reported.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DtlsHandshakeBenchmark {

    private DtlsHandshaker serverSide;
    private DtlsHandshaker clientSide;
    private DtlsCertificate serverCertificate;
    private DtlsCertificate clientCertificate;
    private ExecutorService serverLoop;
    private ExecutorService clientLoop;

    @Setup(Level.Trial)
    public void setUp() {
        serverCertificate = DtlsCertificate.generate();
        clientCertificate = DtlsCertificate.generate();
        serverSide = new DtlsHandshaker(DtlsConfig.DEFAULT, serverCertificate, ByteBufAllocator.DEFAULT,
                new SimpleMeterRegistry());
        clientSide = new DtlsHandshaker(DtlsConfig.DEFAULT, clientCertificate, ByteBufAllocator.DEFAULT,
                new SimpleMeterRegistry());
        serverLoop = Executors.newSingleThreadExecutor();
        clientLoop = Executors.newSingleThreadExecutor();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        serverSide.close();
        clientSide.close();
        serverLoop.shutdownNow();
        clientLoop.shutdownNow();
    }

    @Benchmark
    public SrtpKeyingMaterial handshake() throws Exception {
        Side server = new Side(serverLoop);
        Side client = new Side(clientLoop);
        server.endpoint = serverSide.newEndpoint("bench-server", DtlsRole.SERVER,
                List.of(clientCertificate.fingerprint()), serverLoop, client::deliver, server, d -> { });
        client.endpoint = clientSide.newEndpoint("bench-client", DtlsRole.CLIENT,
                List.of(serverCertificate.fingerprint()), clientLoop, server::deliver, client, d -> { });
        serverLoop.submit(server.endpoint::start).get();
        clientLoop.submit(client.endpoint::start).get();
        SrtpKeyingMaterial keys = server.connected.get(30, TimeUnit.SECONDS);
        client.connected.get(30, TimeUnit.SECONDS);
        clientLoop.submit(client.endpoint::close).get();
        serverLoop.submit(server.endpoint::close).get();
        return keys;
    }

    private static final class Side implements DtlsListener {
        final ExecutorService loop;
        final CompletableFuture<SrtpKeyingMaterial> connected = new CompletableFuture<>();
        DtlsEndpoint endpoint;

        Side(ExecutorService loop) {
            this.loop = loop;
        }

        void deliver(ByteBuf datagram) {
            try {
                loop.execute(() -> {
                    try {
                        endpoint.receive(datagram);
                    } finally {
                        datagram.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                datagram.release();
            }
        }

        @Override
        public void onConnected(DtlsEndpoint e, SrtpKeyingMaterial keys) {
            connected.complete(keys);
        }

        @Override
        public void onClosed(DtlsEndpoint e, DtlsCloseReason reason) {
            connected.completeExceptionally(new IllegalStateException(reason.name()));
        }
    }

}
