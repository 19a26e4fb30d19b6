package dev.osprey.signaling.sdp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@code a=fingerprint:<hash-func> <XX:XX:...>} (RFC 8122 §5): the hash of the DTLS certificate the endpoint will
 * present (RFC 8842 §5). The grammar asks for upper-case hex; lower case is accepted and written back upper-case.
 * For registered hash functions the digest must have the function's length.
 *
 * @param digest the hash bytes (copied in and out)
 */
public record Fingerprint(HashFunction hashFunction, byte[] digest) implements SdpAttribute {

    public static final String NAME = "fingerprint";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int MAX_DIGEST_BYTES = 128;

    public Fingerprint {
        Objects.requireNonNull(hashFunction, "hashFunction");
        Objects.requireNonNull(digest, "digest");
        if (digest.length == 0 || digest.length > MAX_DIGEST_BYTES) {
            throw new IllegalArgumentException("fingerprint must have 1.." + MAX_DIGEST_BYTES + " bytes");
        }
        if (hashFunction.digestLength() != 0 && digest.length != hashFunction.digestLength()) {
            throw new IllegalArgumentException(hashFunction + " fingerprint must be " + hashFunction.digestLength()
                    + " bytes, not " + digest.length);
        }
        digest = digest.clone();
    }

    /** Parses the attribute value (after {@code "fingerprint:"}). */
    public static Fingerprint parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=fingerprint");
        HashFunction function = HashFunction.valueOf(s.token("hash-func"));
        s.spaces("fingerprint");
        String hex = s.word("fingerprint");
        s.end();
        if (hex.length() % 3 != 2 || hex.length() > MAX_DIGEST_BYTES * 3) {
            throw s.fail("fingerprint must be colon-separated hex pairs");
        }
        byte[] bytes = new byte[(hex.length() + 1) / 3];
        for (int i = 0; i < bytes.length; i++) {
            int at = i * 3;
            if ((i > 0 && hex.charAt(at - 1) != ':') || !HexFormat.isHexDigit(hex.charAt(at))
                    || !HexFormat.isHexDigit(hex.charAt(at + 1))) {
                throw s.fail("fingerprint must be colon-separated hex pairs");
            }
            bytes[i] = (byte) HexFormat.fromHexDigits(hex, at, at + 2);
        }
        return Checks.parsed("a=fingerprint", () -> new Fingerprint(function, bytes));
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** Whether {@code candidateDigest} (e.g. the hash of the peer's certificate) equals this digest. */
    public boolean matches(HashFunction function, byte[] candidateDigest) {
        return hashFunction.equals(function) && java.security.MessageDigest.isEqual(digest, candidateDigest);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder out = new StringBuilder(hashFunction.name().length() + 1 + digest.length * 3);
        out.append(hashFunction.name()).append(' ');
        for (int i = 0; i < digest.length; i++) {
            out.append(i == 0 ? "" : ":").append(HEX.toHexDigits(digest[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && other.hashFunction.equals(hashFunction)
                && Arrays.equals(other.digest, digest);
    }

    @Override
    public int hashCode() {
        return hashFunction.hashCode() * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + attributeValue() + "]";
    }
}
