package dev.osprey.signaling.sdp;

import java.util.Locale;

/**
 * A hash function of {@code a=fingerprint} from the IANA "Hash Function Textual Names" registry (RFC 8122 §5,
 * RFC 4572 §5). An open enum: unregistered tokens are kept with unknown digest length; equality ignores case
 * (RFC 8122 §5: the names are case-insensitive).
 */
public final class HashFunction {

    public static final HashFunction MD2 = new HashFunction("md2", 16);
    public static final HashFunction MD5 = new HashFunction("md5", 16);
    public static final HashFunction SHA_1 = new HashFunction("sha-1", 20);
    public static final HashFunction SHA_224 = new HashFunction("sha-224", 28);
    public static final HashFunction SHA_256 = new HashFunction("sha-256", 32);
    public static final HashFunction SHA_384 = new HashFunction("sha-384", 48);
    public static final HashFunction SHA_512 = new HashFunction("sha-512", 64);

    private static final HashFunction[] REGISTERED = {MD2, MD5, SHA_1, SHA_224, SHA_256, SHA_384, SHA_512};

    private final String name;
    private final int digestLength;

    private HashFunction(String name, int digestLength) {
        this.name = name;
        this.digestLength = digestLength;
    }

    /** The registered function for {@code name} when spelled as registered; otherwise a new instance. */
    public static HashFunction valueOf(String name) {
        Checks.token(name, "hash function");
        for (HashFunction known : REGISTERED) {
            if (known.name.equals(name)) {
                return known;
            }
        }
        for (HashFunction known : REGISTERED) {
            if (known.name.equalsIgnoreCase(name)) {
                return new HashFunction(name, known.digestLength);
            }
        }
        return new HashFunction(name, 0);
    }

    /** The name as written. */
    public String name() {
        return name;
    }

    /** Digest length in bytes, or 0 when the function is not registered. */
    public int digestLength() {
        return digestLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashFunction other && other.name.equalsIgnoreCase(name);
    }

    @Override
    public int hashCode() {
        return name.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
