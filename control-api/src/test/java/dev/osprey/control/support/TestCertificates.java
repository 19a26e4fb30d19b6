package dev.osprey.control.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Self-signed certificates for tests, as PEM: RSA, EC (P-256) or Ed25519, with DNS and IP subject alternative names. */
public final class TestCertificates {

    /** A certificate and its key in PEM. */
    public record Pair(String certPem, String keyPem) {
        public Path writeCert(Path dir) throws Exception {
            return Files.writeString(dir.resolve("cert-" + System.nanoTime() + ".pem"), certPem);
        }

        public Path writeKey(Path dir) throws Exception {
            return Files.writeString(dir.resolve("key-" + System.nanoTime() + ".pem"), keyPem);
        }
    }

    private TestCertificates() {
    }

    public static KeyPair keys(String algorithm) throws Exception {
        return switch (algorithm) {
            case "RSA" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                yield g.generateKeyPair();
            }
            case "EC" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                yield g.generateKeyPair();
            }
            default -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        };
    }

    /** A certificate for {@code keys} valid between the two instants, for host {@code sfu.example.com} and 192.0.2.7. */
    public static X509Certificate certificate(KeyPair keys, Instant notBefore, Instant notAfter) throws Exception {
        X500Name name = new X500Name("CN=sfu.example.com,O=Osprey Test");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "sfu.example.com"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.7")}));
        String alg = switch (keys.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg)
                .build(keys.getPrivate())));
    }

    /** PEM of any object BouncyCastle writes (certificates; private keys in their traditional form). */
    public static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
        return w.toString();
    }

    /** A private key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public static String pkcs8(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** A pair valid from a day before {@code now} for {@code days} days after it. */
    public static Pair pair(String algorithm, Instant now, int days, boolean pkcs8) throws Exception {
        KeyPair keys = keys(algorithm);
        X509Certificate cert = certificate(keys, now.minusSeconds(86_400), now.plusSeconds(86_400L * days));
        return new Pair(pem(cert), pkcs8 ? pkcs8(keys) : pem(keys.getPrivate()));
    }
}
