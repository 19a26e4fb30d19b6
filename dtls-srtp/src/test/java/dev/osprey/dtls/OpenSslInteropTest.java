package dev.osprey.dtls;

import dev.osprey.srtp.SrtpKeyingMaterial;
import dev.osprey.srtp.SrtpProfile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Osprey against OpenSSL 3 ({@code openssl s_server} / {@code s_client -dtls1_2 -use_srtp}) over UDP loopback: an
 * independent DTLS-SRTP implementation must negotiate the same profile and export the same keying material
 * ({@code -keymatexport EXTRACTOR-dtls_srtp}).
 */
class OpenSslInteropTest {

    private static final DtlsConfig CONFIG = DtlsConfig.DEFAULT.withHandshakeTimeout(Duration.ofSeconds(20));

    @TempDir
    static Path dir;
    private static CertificateFingerprint opensslFingerprint;

    @BeforeAll
    static void opensslCertificate() throws Exception {
        // a missing peer must fail, not skip: scripts/install-test-deps.sh installs openssl
        assertThat(run("openssl", "version")).as("openssl on the PATH (run scripts/install-test-deps.sh)").isZero();
        int rc = run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-subj", "/CN=openssl-peer", "-days", "1", "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("cert.pem").toString());
        assertThat(rc).isZero();
        opensslFingerprint = DtlsCertificate.load(Files.readString(dir.resolve("cert.pem")),
                Files.readString(dir.resolve("key.pem"))).fingerprint();
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    void ospreyClientAgainstOpensslServer(SrtpProfile profile) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process server = start("openssl", "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
                "-cert", dir.resolve("cert.pem").toString(), "-key", dir.resolve("key.pem").toString(),
                "-verify", "1", "-use_srtp", "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80",
                "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "" + profile.keyingMaterialLength());
        LinkedBlockingQueue<String> lines = lines(server);
        try (DtlsTestPeer osprey = new DtlsTestPeer(CONFIG.withSrtpProfiles(List.of(profile)));
             UdpLink link = new UdpLink(osprey, new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            awaitLine(lines, "ACCEPT");
            osprey.open(DtlsRole.CLIENT, opensslFingerprint, link::send);
            osprey.onLoop(osprey.endpoint::start);
            SrtpKeyingMaterial keys = osprey.connected.get(20, TimeUnit.SECONDS);
            assertThat(keys.profile()).isEqualTo(profile);
            assertThat(awaitLine(lines, "Keying material: ")).isEqualToIgnoringCase(hex(keys));
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    void ospreyServerAgainstOpensslClient(SrtpProfile profile) throws Exception {
        try (DtlsTestPeer osprey = new DtlsTestPeer(CONFIG.withSrtpProfiles(List.of(profile)));
             UdpLink link = new UdpLink(osprey, null)) {
            osprey.open(DtlsRole.SERVER, opensslFingerprint, link::send);
            osprey.onLoop(osprey.endpoint::start);
            String opensslProfile = profile == SrtpProfile.AEAD_AES_128_GCM ? "SRTP_AEAD_AES_128_GCM"
                    : "SRTP_AES128_CM_SHA1_80";
            Process client = start("openssl", "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + link.localPort(),
                    "-cert", dir.resolve("cert.pem").toString(), "-key", dir.resolve("key.pem").toString(),
                    "-use_srtp", opensslProfile, "-keymatexport", "EXTRACTOR-dtls_srtp",
                    "-keymatexportlen", "" + profile.keyingMaterialLength());
            try {
                LinkedBlockingQueue<String> lines = lines(client);
                SrtpKeyingMaterial keys = osprey.connected.get(20, TimeUnit.SECONDS);
                assertThat(keys.profile()).isEqualTo(profile);
                assertThat(awaitLine(lines, "SRTP Extension negotiated, profile=")).isEqualTo(opensslProfile);
                assertThat(awaitLine(lines, "Keying material: ")).isEqualToIgnoringCase(hex(keys));
            } finally {
                client.getOutputStream().close(); // EOF on stdin: s_client sends close_notify and exits
                if (!client.waitFor(10, TimeUnit.SECONDS)) {
                    client.destroyForcibly();
                }
            }
        }
    }

    /** The exported block as OpenSSL prints it: client key, server key, client salt, server salt (RFC 5764 §4.2). */
    private static String hex(SrtpKeyingMaterial keys) {
        HexFormat hex = HexFormat.of();
        return hex.formatHex(keys.client().key()) + hex.formatHex(keys.server().key())
                + hex.formatHex(keys.client().salt()) + hex.formatHex(keys.server().salt());
    }

    private static int run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Process start(String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static LinkedBlockingQueue<String> lines(Process process) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line.strip());
                }
            } catch (IOException e) {
                lines.add("<read failed: " + e + ">");
            }
        }, "openssl-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Waits for a line starting with {@code prefix} and returns the rest of it. */
    private static String awaitLine(LinkedBlockingQueue<String> lines, String prefix) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
            seen.add(line);
        }
        throw new AssertionError("openssl never printed '" + prefix + "'; output was:\n" + String.join("\n", seen));
    }

    /** A UDP socket on loopback carrying one peer's datagrams; the remote is fixed or learnt from the first one. */
    private static final class UdpLink implements AutoCloseable {
        private final DatagramSocket socket;
        private final AtomicReference<SocketAddress> remote = new AtomicReference<>();
        private final Thread reader;

        UdpLink(DtlsTestPeer peer, SocketAddress fixedRemote) throws SocketException {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            remote.set(fixedRemote);
            reader = new Thread(() -> {
                byte[] buf = new byte[2048];
                while (!socket.isClosed()) {
                    DatagramPacket packet = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(packet);
                    } catch (IOException e) {
                        return;
                    }
                    remote.compareAndSet(null, packet.getSocketAddress());
                    peer.deliver(Unpooled.copiedBuffer(buf, 0, packet.getLength()));
                }
            }, "udp-link");
            reader.setDaemon(true);
            reader.start();
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void send(ByteBuf datagram) {
            try {
                SocketAddress to = remote.get();
                if (to != null) {
                    byte[] bytes = ByteBufUtil.getBytes(datagram);
                    socket.send(new DatagramPacket(bytes, bytes.length, to));
                }
            } catch (IOException e) {
                // the peer process is gone; the handshake will time out and fail the test
            } finally {
                datagram.release();
            }
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            reader.join(5000);
        }
    }
}
