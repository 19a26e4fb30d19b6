package dev.osprey.control.settings;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The TLS certificate and key the API's listener uses, read as Bedrud's certificate endpoints report them
 * ({@code /api/cert}, {@code /api/admin/cert-info}, the overview's TLS health): an X.509 certificate in PEM
 * (RFC 7468 section 5) and its private key as PKCS#8 (RFC 7468 section 10), SEC1 EC (RFC 5915) or PKCS#1 RSA
 * (RFC 8017 appendix A.1.2). The pair must match (a signature made with the key verifies with the certificate) and
 * the certificate must be within its validity period; anything else is a {@link Problem} — never another exception.
 */
public final class ServerCertificate {

    /** Certificates expiring within this many days are reported {@code expiring}. */
    public static final int WARN_DAYS = 30;
    static final int MAX_FILE_BYTES = 1 << 20;
    private static final String CERT_BEGIN = "-----BEGIN CERTIFICATE-----";

    /** What the admin view shows of a valid pair. */
    public record Info(String subject, String issuer, Instant notBefore, Instant notAfter, int daysRemaining,
                       List<String> sans, String status) {
    }

    /** The files are missing, unreadable, malformed, mismatched or outside their validity. */
    public static final class Problem extends Exception {
        public Problem(String message) {
            super(message);
        }

        public Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ServerCertificate() {
    }

    /** The certificate file's bytes for download; it must hold a PEM certificate. */
    public static byte[] readPem(Path certFile) throws Problem {
        byte[] pem = read(certFile, "certificate");
        if (!new String(pem, StandardCharsets.US_ASCII).contains(CERT_BEGIN)) {
            throw new Problem("Certificate file is invalid");
        }
        return pem;
    }

    /** Reads and checks the pair on disk. */
    public static Info inspect(Path certFile, Path keyFile, Instant now) throws Problem {
        return inspect(read(certFile, "certificate"), read(keyFile, "key"), now);
    }

    private static byte[] read(Path file, String what) throws Problem {
        try {
            if (!Files.isRegularFile(file)) {
                throw new Problem(what + " file not found: " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new Problem(what + " file is too large: " + file);
            }
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new Problem("cannot read " + what + " file " + file, e);
        }
    }

    /** Checks a PEM certificate and PEM private key. */
    public static Info inspect(byte[] certPem, byte[] keyPem, Instant now) throws Problem {
        X509Certificate cert = certificate(certPem);
        PrivateKey key = privateKey(keyPem, cert);
        if (!matches(key, cert.getPublicKey())) {
            throw new Problem("certificate/key mismatch");
        }
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new Problem("certificate expired on " + notAfter);
        }
        if (now.isBefore(notBefore)) {
            throw new Problem("certificate is not valid until " + notBefore);
        }
        long hours = Duration.between(now, notAfter).toHours();
        int days = (int) ((hours + 23) / 24);
        return new Info(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(), notBefore,
                notAfter, days, sans(cert), days <= WARN_DAYS ? "expiring" : "valid");
    }

    static X509Certificate certificate(byte[] pem) throws Problem {
        byte[] der = der(pem, "CERTIFICATE");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Problem("failed to parse certificate", e);
        }
    }

    /**
     * A private key from PEM; a SEC1 EC key without its curve (as some writers emit it) takes the curve of
     * {@code cert} when one is given.
     */
    static PrivateKey privateKey(byte[] pem, X509Certificate cert) throws Problem {
        String text = new String(pem, StandardCharsets.US_ASCII);
        try {
            if (text.contains("-----BEGIN PRIVATE KEY-----")) {
                return pkcs8(der(pem, "PRIVATE KEY"));
            }
            if (text.contains("-----BEGIN EC PRIVATE KEY-----")) {
                ECPrivateKey sec1 = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der(pem, "EC PRIVATE KEY")));
                ASN1Encodable curve = sec1.getParametersObject();
                if (curve == null && cert != null) {
                    curve = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()).getAlgorithm()
                            .getParameters();
                }
                if (curve == null) {
                    throw new Problem("EC private key names no curve");
                }
                return pkcs8(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve),
                        sec1).getEncoded());
            }
            if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
                RSAPrivateKey rsa = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der(pem, "RSA PRIVATE KEY")));
                return pkcs8(new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                        DERNull.INSTANCE), rsa).getEncoded());
            }
        } catch (IOException | RuntimeException e) {
            throw new Problem("failed to parse private key", e);
        }
        throw new Problem("failed to decode key PEM: not a valid PEM file");
    }

    private static PrivateKey pkcs8(byte[] der) throws Problem {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw new Problem("failed to parse private key", e);
        }
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        String algorithm = switch (oid) {
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.2.840.10045.2.1" -> "EC";
            case "1.3.101.112" -> "Ed25519";
            default -> throw new Problem("unsupported private key algorithm " + oid);
        };
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Problem("failed to parse private key", e);
        }
    }

    /** The base64 body between {@code -----BEGIN <label>-----} and its END line (RFC 7468 section 2). */
    static byte[] der(byte[] pem, String label) throws Problem {
        String text = new String(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from + begin.length());
        if (from < 0 || to < 0) {
            throw new Problem("failed to decode " + label.toLowerCase(java.util.Locale.ROOT)
                    + " PEM: not a valid PEM file");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (der.length == 0) {
                throw new Problem("empty " + label + " PEM block");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw new Problem("malformed base64 in " + label + " PEM block", e);
        }
    }

    /** A signature made with the private key verifies with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey certKey) throws Problem {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new Problem("unsupported private key algorithm " + key.getAlgorithm());
        };
        byte[] probe = "osprey certificate/key pair check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> sans(X509Certificate cert) throws Problem {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return out;
            }
            for (List<?> name : names) {
                // RFC 5280 section 4.2.1.6: 2 = dNSName, 7 = iPAddress
                if (name.size() >= 2 && name.get(0) instanceof Integer type && (type == 2 || type == 7)
                        && name.get(1) instanceof String value) {
                    out.add(value);
                }
            }
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Problem("failed to read the certificate's subject alternative names", e);
        }
    }
}
