package dev.osprey.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate fingerprint as SDP carries it in {@code a=fingerprint} (RFC 8122 §5): a hash function name from the
 * IANA "Hash Function Textual Names" registry and the hash of the DER-encoded certificate. The DTLS peer's
 * certificate must hash to the fingerprint of the remote description (RFC 8842 §5, RFC 5763 §6.4).
 *
 * @param algorithm lower-case textual name: {@code sha-1}, {@code sha-224}, {@code sha-256}, {@code sha-384} or
 *                  {@code sha-512}
 * @param value     the hash bytes
 */
public record CertificateFingerprint(String algorithm, byte[] value) {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    /** Checks the algorithm and the hash length. */
    public CertificateFingerprint {
        if (algorithm == null || value == null) {
            throw new DtlsFormatException("fingerprint needs an algorithm and a value");
        }
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        int expected = hashLength(algorithm);
        if (value.length != expected) {
            throw new DtlsFormatException(algorithm + " fingerprint must be " + expected + " bytes, not "
                    + value.length);
        }
        value = value.clone();
    }

    /** Hashes a DER-encoded certificate. */
    public static CertificateFingerprint of(String algorithm, byte[] certificateDer) {
        String name = algorithm.toLowerCase(Locale.ROOT);
        hashLength(name);
        return new CertificateFingerprint(name, digest(name).digest(certificateDer));
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute, {@code "sha-256 AB:CD:..."} (RFC 8122 §5:
     * hash-func SP fingerprint, upper-case hex pairs separated by colons; lower case is accepted).
     *
     * @throws DtlsFormatException when the text is not of that form or the algorithm is not supported
     */
    public static CertificateFingerprint parse(String sdpValue) {
        if (sdpValue == null) {
            throw new DtlsFormatException("no fingerprint");
        }
        String text = sdpValue.strip();
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new DtlsFormatException("fingerprint needs 'hash-func SP hex:hex:...'");
        }
        String hex = text.substring(space + 1).strip();
        if (hex.isEmpty() || hex.length() % 3 != 2) {
            throw new DtlsFormatException("fingerprint hex is not a list of colon-separated pairs");
        }
        byte[] bytes;
        try {
            bytes = COLON_HEX.parseHex(hex.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DtlsFormatException("fingerprint hex is not a list of colon-separated pairs");
        }
        return new CertificateFingerprint(text.substring(0, space), bytes);
    }

    /** The attribute value for SDP: {@code "sha-256 AB:CD:..."}. */
    public String sdpValue() {
        return algorithm + " " + COLON_HEX.formatHex(value);
    }

    /** Whether {@code certificateDer} hashes to this fingerprint (constant-time compare). */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(value, digest(algorithm).digest(certificateDer));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint other && other.algorithm.equals(algorithm)
                && Arrays.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return sdpValue();
    }

    private static int hashLength(String algorithm) {
        return switch (algorithm) {
            case "sha-1" -> 20;
            case "sha-224" -> 28;
            case "sha-256" -> 32;
            case "sha-384" -> 48;
            case "sha-512" -> 64;
            default -> throw new DtlsFormatException("unsupported fingerprint hash function " + algorithm);
        };
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1/SHA-2 are mandatory in every JDK", e);
        }
    }
}
