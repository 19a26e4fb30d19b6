package dev.osprey.turn.net;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Writes a fresh self-signed certificate and PKCS#8 key as PEM files, for the TLS listener's tests. */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** Writes {@code cert.pem} and {@code key.pem} for {@code CN=commonName} into {@code dir}. */
    public static Pair write(Path dir, String commonName) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), name, keys.getPublic());
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                    .getEncoded();
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            Files.writeString(cert, pem("CERTIFICATE", der));
            Files.writeString(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return new Pair(cert, key);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException("cannot make a test certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The two files. */
    public record Pair(Path cert, Path key) {
    }
}
