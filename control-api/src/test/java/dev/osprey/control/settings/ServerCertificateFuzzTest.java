package dev.osprey.control.settings;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Instant;
import java.util.Arrays;

/**
 * Fuzzes certificate and key parsing: whatever the bytes (certificate before the first NUL, key after it), inspection
 * either succeeds or throws {@link ServerCertificate.Problem} — never another exception. The corpus holds valid RSA,
 * EC and Ed25519 pairs so the fuzzer mutates real DER.
 */
class ServerCertificateFuzzTest {

    static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");

    @FuzzTest(maxDuration = "30s")
    void inspect(byte[] data) {
        int split = 0;
        while (split < data.length && data[split] != 0) {
            split++;
        }
        byte[] cert = Arrays.copyOfRange(data, 0, split);
        byte[] key = Arrays.copyOfRange(data, Math.min(split + 1, data.length), data.length);
        try {
            ServerCertificate.inspect(cert, key, NOW);
        } catch (ServerCertificate.Problem expected) {
            // rejected with the module's own exception
        }
        try {
            ServerCertificate.privateKey(data, null);
        } catch (ServerCertificate.Problem expected) {
            // rejected with the module's own exception
        }
    }
}
