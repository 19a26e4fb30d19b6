package dev.osprey.dtls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Osprey's DTLS identity: an ECDSA P-256 key pair and a self-signed X.509 certificate, generated at start or loaded
 * from PEM. WebRTC authenticates the certificate by its fingerprint in SDP, not by a chain (RFC 8827 §6.5), so
 * self-signed is what browsers use too.
 */
public final class DtlsCertificate {

    private final PrivateKey privateKey;
    private final byte[] certificateDer;
    private final CertificateFingerprint fingerprint;

    private DtlsCertificate(PrivateKey privateKey, byte[] certificateDer) {
        this.privateKey = privateKey;
        this.certificateDer = certificateDer.clone();
        this.fingerprint = CertificateFingerprint.of("sha-256", certificateDer);
    }

    /** Generates a P-256 key and a certificate valid from a day ago for {@code validity}. */
    public static DtlsCertificate generate(Clock clock, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            return new DtlsCertificate(keys.getPrivate(), selfSign(keys, clock.instant(), validity));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
        }
    }

    /** Generates a certificate valid for 30 days, as browsers do for their own WebRTC certificates. */
    public static DtlsCertificate generate() {
        return generate(Clock.systemUTC(), Duration.ofDays(30));
    }

    /**
     * Loads an EC certificate and its private key from PEM text (a {@code CERTIFICATE} block, and an
     * {@code EC PRIVATE KEY} or PKCS#8 {@code PRIVATE KEY} block).
     *
     * @throws DtlsFormatException when the PEM does not hold both, or the key is not an EC key
     */
    public static DtlsCertificate load(String certificatePem, String privateKeyPem) {
        try (PEMParser certs = new PEMParser(new StringReader(certificatePem));
             PEMParser keys = new PEMParser(new StringReader(privateKeyPem))) {
            if (!(certs.readObject() instanceof X509CertificateHolder holder)) {
                throw new DtlsFormatException("no CERTIFICATE block in the certificate PEM");
            }
            Object key = keys.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey;
            if (key instanceof PEMKeyPair pair) {
                privateKey = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (key instanceof PrivateKeyInfo info) {
                privateKey = converter.getPrivateKey(info);
            } else {
                throw new DtlsFormatException("no private key block in the key PEM");
            }
            if (!"EC".equals(privateKey.getAlgorithm())) {
                throw new DtlsFormatException("the DTLS key must be an EC key");
            }
            return new DtlsCertificate(privateKey, holder.getEncoded());
        } catch (IOException e) {
            throw new DtlsFormatException("unreadable PEM: " + e.getMessage());
        }
    }

    /** The SHA-256 fingerprint to put in {@code a=fingerprint}. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    /** The DER encoding of the certificate. */
    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    private static byte[] selfSign(KeyPair keys, Instant now, Duration validity)
            throws OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=osprey");
        PublicKey publicKey = keys.getPublic();
        BigInteger serial = new BigInteger(64, new SecureRandom());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), name, publicKey);
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }
}
