package dev.osprey.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * Password algorithms for the long-term credential mechanism, an open enum over the IANA "STUN Password Algorithms"
 * registry (RFC 8489 §18.5): how the key is derived from username, realm and password (§9.2.2).
 */
public final class StunPasswordAlgorithm {
    private static final List<StunPasswordAlgorithm> REGISTERED = new ArrayList<>();

    /** key = MD5(username ":" OpaqueString(realm) ":" OpaqueString(password)), 16 bytes. */
    public static final StunPasswordAlgorithm MD5 = register(0x0001, "MD5", "MD5");
    /** key = SHA-256(username ":" OpaqueString(realm) ":" OpaqueString(password)), 32 bytes. */
    public static final StunPasswordAlgorithm SHA_256 = register(0x0002, "SHA-256", "SHA-256");

    private static final CodeTable<StunPasswordAlgorithm> TABLE =
            CodeTable.of(REGISTERED, StunPasswordAlgorithm::code);

    private final int code;
    private final String name;
    private final String digestName;

    private StunPasswordAlgorithm(int code, String name, String digestName) {
        this.code = code;
        this.name = name;
        this.digestName = digestName;
    }

    private static StunPasswordAlgorithm register(int code, String name, String digest) {
        StunPasswordAlgorithm a = new StunPasswordAlgorithm(code, name, digest);
        REGISTERED.add(a);
        return a;
    }

    /** The registered algorithm, or a value that keeps an unknown 16-bit code (and cannot derive keys). */
    public static StunPasswordAlgorithm valueOf(int code) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("password algorithm out of range: " + code);
        }
        StunPasswordAlgorithm known = TABLE.find(code);
        return known != null ? known : new StunPasswordAlgorithm(code, String.format("0x%04X", code), null);
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean isRegistered() {
        return digestName != null;
    }

    /** The JDK {@code MessageDigest} name for the key derivation; only for registered algorithms. */
    String digestName() {
        if (digestName == null) {
            throw new IllegalStateException("unregistered password algorithm " + name + " derives no key");
        }
        return digestName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunPasswordAlgorithm other && other.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
