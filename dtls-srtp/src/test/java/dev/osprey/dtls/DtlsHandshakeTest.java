package dev.osprey.dtls;

import dev.osprey.srtp.SrtpKeyingMaterial;
import dev.osprey.srtp.SrtpProfile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Osprey's DTLS server against Osprey's DTLS client (both BouncyCastle) over an in-memory datagram link. */
class DtlsHandshakeTest {

    private static final DtlsConfig CONFIG = DtlsConfig.DEFAULT.withHandshakeTimeout(Duration.ofSeconds(20));

    @Test
    void bothRolesConnectExportTheSameKeysAndCarryApplicationData() throws Exception {
        try (DtlsTestPeer server = new DtlsTestPeer(CONFIG); DtlsTestPeer client = new DtlsTestPeer(CONFIG)) {
            link(server, client, server.certificate.fingerprint(), client.certificate.fingerprint());
            SrtpKeyingMaterial serverKeys = server.connected.get(20, TimeUnit.SECONDS);
            SrtpKeyingMaterial clientKeys = client.connected.get(20, TimeUnit.SECONDS);

            assertThat(serverKeys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(clientKeys.client()).isEqualTo(serverKeys.client());
            assertThat(clientKeys.server()).isEqualTo(serverKeys.server());
            assertThat(clientKeys.local(true)).isEqualTo(serverKeys.remote(false));
            assertThat(clientKeys.client()).isNotEqualTo(clientKeys.server());

            ByteBuf ping = Unpooled.copiedBuffer("sctp-ping", StandardCharsets.US_ASCII);
            client.onLoop(() -> assertThat(client.endpoint.sendApplicationData(ping)).isTrue());
            assertThat(server.applicationData.poll(10, TimeUnit.SECONDS)).asString(StandardCharsets.US_ASCII)
                    .isEqualTo("sctp-ping");
            ByteBuf pong = Unpooled.copiedBuffer("sctp-pong", StandardCharsets.US_ASCII);
            server.onLoop(() -> assertThat(server.endpoint.sendApplicationData(pong)).isTrue());
            assertThat(client.applicationData.poll(10, TimeUnit.SECONDS)).asString(StandardCharsets.US_ASCII)
                    .isEqualTo("sctp-pong");

            assertThat(server.handshakes("connected")).isEqualTo(1);
            client.onLoop(client.endpoint::close);
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.CLOSED_LOCALLY);
            assertThat(server.closed.get(10, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.CLOSED_BY_PEER);
        }
    }

    /** The first two flights the client sends are lost: its retransmission timer (100 ms, doubling) recovers. */
    @Test
    void lostFlightsAreRetransmitted() throws Exception {
        try (DtlsTestPeer server = new DtlsTestPeer(CONFIG); DtlsTestPeer client = new DtlsTestPeer(CONFIG)) {
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            server.open(DtlsRole.SERVER, client.certificate.fingerprint(), client::deliver);
            client.open(DtlsRole.CLIENT, server.certificate.fingerprint(), datagram -> {
                if (sent.incrementAndGet() <= 2) {
                    datagram.release(); // dropped on the wire
                } else {
                    server.deliver(datagram);
                }
            });
            server.onLoop(server.endpoint::start);
            client.onLoop(client.endpoint::start);
            assertThat(client.connected.get(20, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(server.connected.get(20, TimeUnit.SECONDS)).isNotNull();
            assertThat(sent.get()).isGreaterThan(3);
        }
    }

    @Test
    void theServersProfileOrderDecides() throws Exception {
        DtlsConfig serverConfig = CONFIG.withSrtpProfiles(
                List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM));
        try (DtlsTestPeer server = new DtlsTestPeer(serverConfig); DtlsTestPeer client = new DtlsTestPeer(CONFIG)) {
            link(server, client, server.certificate.fingerprint(), client.certificate.fingerprint());
            assertThat(client.connected.get(20, TimeUnit.SECONDS).profile())
                    .isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        }
    }

    @Test
    void eachCurveNegotiates() throws Exception {
        for (DtlsConfig.Curve curve : DtlsConfig.Curve.values()) {
            DtlsConfig only = CONFIG.withCurves(List.of(curve));
            try (DtlsTestPeer server = new DtlsTestPeer(only); DtlsTestPeer client = new DtlsTestPeer(only)) {
                link(server, client, server.certificate.fingerprint(), client.certificate.fingerprint());
                assertThat(client.connected.get(20, TimeUnit.SECONDS)).as(curve.name()).isNotNull();
            }
        }
    }

    @Test
    void aWrongFingerprintClosesBothSidesCleanly() throws Exception {
        try (DtlsTestPeer server = new DtlsTestPeer(CONFIG); DtlsTestPeer client = new DtlsTestPeer(CONFIG)) {
            CertificateFingerprint wrong = DtlsCertificate.generate().fingerprint();
            link(server, client, server.certificate.fingerprint(), wrong);
            assertThat(server.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.FINGERPRINT_MISMATCH);
            // the server's fatal alert is one unreliable datagram (RFC 6347 §4.1.2.7): if it is lost the client
            // learns of the failure by timing out instead, and either way it never connects
            assertThat(client.closed.get(20, TimeUnit.SECONDS))
                    .isIn(DtlsCloseReason.HANDSHAKE_FAILED, DtlsCloseReason.HANDSHAKE_TIMEOUT);
            assertThat(client.connected).failsWithin(Duration.ofSeconds(5));
            assertThat(server.handshakes("fingerprint_mismatch")).isEqualTo(1);
            assertThat(server.connected).failsWithin(Duration.ofSeconds(5)); // completed after `closed`
        }
    }

    @Test
    void theClientChecksTheServersFingerprintToo() throws Exception {
        try (DtlsTestPeer server = new DtlsTestPeer(CONFIG); DtlsTestPeer client = new DtlsTestPeer(CONFIG)) {
            link(server, client, DtlsCertificate.generate().fingerprint(), client.certificate.fingerprint());
            assertThat(client.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.FINGERPRINT_MISMATCH);
            assertThat(server.closed.get(20, TimeUnit.SECONDS)).isIn(DtlsCloseReason.HANDSHAKE_FAILED);
        }
    }

    @Test
    void noCommonSrtpProfileFails() throws Exception {
        DtlsConfig gcmOnly = CONFIG.withSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM));
        DtlsConfig cmOnly = CONFIG.withSrtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        try (DtlsTestPeer server = new DtlsTestPeer(gcmOnly); DtlsTestPeer client = new DtlsTestPeer(cmOnly)) {
            link(server, client, server.certificate.fingerprint(), client.certificate.fingerprint());
            assertThat(server.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.NO_SRTP_PROFILE);
            assertThat(client.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.HANDSHAKE_FAILED);
        }
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        DtlsConfig quick = CONFIG.withHandshakeTimeout(Duration.ofMillis(400));
        try (DtlsTestPeer server = new DtlsTestPeer(quick)) {
            server.open(DtlsRole.SERVER, DtlsCertificate.generate().fingerprint(), ByteBuf::release);
            server.onLoop(server.endpoint::start);
            assertThat(server.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.HANDSHAKE_TIMEOUT);
            assertThat(server.handshakes("handshake_timeout")).isEqualTo(1);
        }
    }

    @Test
    void handshakesBeyondThreadsAndQueueAreRefused() throws Exception {
        DtlsConfig tiny = CONFIG.withHandshakeCapacity(1, 1).withHandshakeTimeout(Duration.ofSeconds(20));
        try (DtlsTestPeer busy = new DtlsTestPeer(tiny)) {
            CertificateFingerprint any = DtlsCertificate.generate().fingerprint();
            List<DtlsTestPeer> listeners = List.of(new DtlsTestPeer(tiny), new DtlsTestPeer(tiny), new DtlsTestPeer(tiny));
            DtlsEndpoint[] endpoints = new DtlsEndpoint[3];
            for (int i = 0; i < 3; i++) {
                DtlsTestPeer l = listeners.get(i);
                endpoints[i] = busy.handshaker.newEndpoint("e" + i, DtlsRole.SERVER, List.of(any), busy.eventLoop,
                        ByteBuf::release, l, data -> { });
            }
            busy.onLoop(() -> {
                for (DtlsEndpoint e : endpoints) {
                    e.start();
                }
            });
            assertThat(listeners.get(2).closed.get(10, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.OVERLOADED);
            assertThat(busy.handshakes("overloaded")).isEqualTo(1);
            busy.onLoop(() -> {
                for (DtlsEndpoint e : endpoints) {
                    e.close();
                }
            });
            assertThat(listeners.get(0).closed.get(10, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.CLOSED_LOCALLY);
            for (DtlsTestPeer l : listeners) {
                l.close();
            }
        }
    }

    @Test
    void malformedDatagramsAreDroppedAndCounted() throws Exception {
        try (DtlsTestPeer server = new DtlsTestPeer(CONFIG)) {
            server.open(DtlsRole.SERVER, DtlsCertificate.generate().fingerprint(), ByteBuf::release);
            server.deliver(Unpooled.wrappedBuffer(new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0}));
            server.deliver(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
            server.onLoop(() -> { });
            assertThat(server.registry.get("osprey.dtls.datagrams.dropped").tag("reason", "malformed").counter()
                    .count()).isEqualTo(2);
            assertThat(server.endpoint.state()).isEqualTo(DtlsEndpoint.State.NEW);
        }
    }

    /** Wires two peers back to back and starts both; each expects the other's given fingerprint. */
    private static void link(DtlsTestPeer server, DtlsTestPeer client, CertificateFingerprint serverCertAsSeenByClient,
                             CertificateFingerprint clientCertAsSeenByServer) throws Exception {
        server.open(DtlsRole.SERVER, clientCertAsSeenByServer, client::deliver);
        client.open(DtlsRole.CLIENT, serverCertAsSeenByClient, server::deliver);
        server.onLoop(server.endpoint::start);
        client.onLoop(client.endpoint::start);
    }
}
