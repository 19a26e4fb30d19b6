package dev.osprey.control.settings;

import dev.osprey.control.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificate/key pairs as the admin views inspect them: every key format, validity, mismatch, malformed PEM. */
class ServerCertificateTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"RSA,false,RSA PRIVATE KEY", "RSA,true,PRIVATE KEY", "EC,false,EC PRIVATE KEY", "EC,true,PRIVATE KEY",
            "Ed25519,true,PRIVATE KEY"})
    void everyKeyFormatOfAMatchingPairIsAccepted(String algorithm, boolean pkcs8, String label) throws Exception {
        TestCertificates.Pair pair = TestCertificates.pair(algorithm, NOW, 200, pkcs8);
        assertThat(pair.keyPem()).contains("-----BEGIN " + label + "-----");
        ServerCertificate.Info info = ServerCertificate.inspect(bytes(pair.certPem()), bytes(pair.keyPem()), NOW);
        assertThat(info.status()).isEqualTo("valid");
        assertThat(info.daysRemaining()).isEqualTo(200);
        assertThat(info.subject()).isEqualTo("O=Osprey Test,CN=sfu.example.com");
        assertThat(info.issuer()).isEqualTo(info.subject());
        assertThat(info.sans()).containsExactly("sfu.example.com", "192.0.2.7");
        assertThat(info.notAfter()).isEqualTo(NOW.plus(200, ChronoUnit.DAYS));
    }

    @Test
    void certificatesCloseToTheirEndAreExpiring() throws Exception {
        TestCertificates.Pair pair = TestCertificates.pair("EC", NOW, 30, false);
        ServerCertificate.Info info = ServerCertificate.inspect(bytes(pair.certPem()), bytes(pair.keyPem()), NOW);
        assertThat(info.status()).isEqualTo("expiring");
        assertThat(info.daysRemaining()).isEqualTo(30);
        // a partial day counts as a day
        assertThat(ServerCertificate.inspect(bytes(pair.certPem()), bytes(pair.keyPem()), NOW.plusSeconds(3600))
                .daysRemaining()).isEqualTo(30);
    }

    @Test
    void expiredAndNotYetValidCertificatesAreProblems() throws Exception {
        TestCertificates.Pair pair = TestCertificates.pair("EC", NOW, 10, false);
        assertThatThrownBy(() -> ServerCertificate.inspect(bytes(pair.certPem()), bytes(pair.keyPem()),
                NOW.plus(11, ChronoUnit.DAYS))).isInstanceOf(ServerCertificate.Problem.class)
                .hasMessageStartingWith("certificate expired on");
        assertThatThrownBy(() -> ServerCertificate.inspect(bytes(pair.certPem()), bytes(pair.keyPem()),
                NOW.minus(2, ChronoUnit.DAYS))).isInstanceOf(ServerCertificate.Problem.class)
                .hasMessageStartingWith("certificate is not valid until");
    }

    @Test
    void aKeyOfAnotherPairIsAMismatch() throws Exception {
        TestCertificates.Pair pair = TestCertificates.pair("RSA", NOW, 100, false);
        KeyPair other = TestCertificates.keys("RSA");
        assertThatThrownBy(() -> ServerCertificate.inspect(bytes(pair.certPem()),
                bytes(TestCertificates.pkcs8(other)), NOW)).isInstanceOf(ServerCertificate.Problem.class)
                .hasMessage("certificate/key mismatch");
        // an EC key against an RSA certificate cannot even sign with the certificate's algorithm
        assertThatThrownBy(() -> ServerCertificate.inspect(bytes(pair.certPem()),
                bytes(TestCertificates.pkcs8(TestCertificates.keys("EC"))), NOW))
                .isInstanceOf(ServerCertificate.Problem.class).hasMessage("certificate/key mismatch");
    }

    @Test
    void malformedInputIsAProblemNeverAnotherException() throws Exception {
        TestCertificates.Pair pair = TestCertificates.pair("EC", NOW, 100, false);
        byte[] cert = bytes(pair.certPem());
        byte[] key = bytes(pair.keyPem());
        String[] bad = {"", "not pem at all", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\nAAAA", pair.certPem().substring(0, pair.certPem().length() / 2)};
        for (String b : bad) {
            assertThatThrownBy(() -> ServerCertificate.inspect(bytes(b), key, NOW))
                    .isInstanceOf(ServerCertificate.Problem.class);
        }
        String[] badKeys = {"", "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
                "-----BEGIN RSA PRIVATE KEY-----\nMAMCAQA=\n-----END RSA PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n",
                "-----BEGIN DSA PRIVATE KEY-----\nMAA=\n-----END DSA PRIVATE KEY-----\n", pair.certPem()};
        for (String b : badKeys) {
            assertThatThrownBy(() -> ServerCertificate.inspect(cert, bytes(b), NOW))
                    .isInstanceOf(ServerCertificate.Problem.class);
        }
    }

    @Test
    void filesAreReadWithLimits(@TempDir Path dir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.pair("EC", NOW, 100, false);
        Path cert = pair.writeCert(dir);
        Path key = pair.writeKey(dir);
        assertThat(ServerCertificate.inspect(cert, key, NOW).status()).isEqualTo("valid");
        assertThat(ServerCertificate.readPem(cert)).isEqualTo(bytes(pair.certPem()));
        assertThatThrownBy(() -> ServerCertificate.readPem(key)).isInstanceOf(ServerCertificate.Problem.class)
                .hasMessage("Certificate file is invalid");
        assertThatThrownBy(() -> ServerCertificate.readPem(dir.resolve("missing.pem")))
                .isInstanceOf(ServerCertificate.Problem.class).hasMessageStartingWith("certificate file not found");
        assertThatThrownBy(() -> ServerCertificate.inspect(dir, key, NOW))
                .isInstanceOf(ServerCertificate.Problem.class);
        Path huge = Files.write(dir.resolve("huge.pem"), new byte[ServerCertificate.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> ServerCertificate.readPem(huge)).isInstanceOf(ServerCertificate.Problem.class)
                .hasMessageStartingWith("certificate file is too large");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
