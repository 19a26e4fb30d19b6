package dev.osprey.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The HMAC key of a STUN credential (RFC 8489 §9): short-term (§9.1.1, the prepared password) or long-term
 * (§9.2.2, a digest of username, realm and password). Immutable and safe to share between threads. It keeps the
 * RFC 2104 inner and outer pad blocks of both HMACs precomputed, so checking a message costs no key schedule and no
 * allocation.
 */
public final class IntegrityKey {
    private static final int BLOCK = 64; // SHA-1 and SHA-256 both hash 64-byte blocks

    private final byte[] key;
    private final byte[][] innerPad = new byte[2][];
    private final byte[][] outerPad = new byte[2][];

    private IntegrityKey(byte[] key) {
        this.key = key.clone();
        for (IntegrityAlgorithm alg : IntegrityAlgorithm.values()) {
            byte[] k0 = key.length > BLOCK ? digest(alg.digestName(), key) : key;
            byte[] ipad = new byte[BLOCK];
            byte[] opad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte b = i < k0.length ? k0[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5C);
            }
            innerPad[alg.ordinal()] = ipad;
            outerPad[alg.ordinal()] = opad;
        }
    }

    /** Short-term credential: key = OpaqueString(password) in UTF-8 (RFC 8489 §9.1.1; the ICE password). */
    public static IntegrityKey shortTerm(String password) {
        return new IntegrityKey(OpaqueString.prepare(password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Long-term credential: key = H(username ":" OpaqueString(realm) ":" OpaqueString(password)) where H is MD5 or
     * SHA-256 as {@code algorithm} says (RFC 8489 §9.2.2). The username is used as sent (the client prepared it).
     */
    public static IntegrityKey longTerm(String username, String realm, String password,
                                        StunPasswordAlgorithm algorithm) {
        String input = username + ":" + OpaqueString.prepare(realm) + ":" + OpaqueString.prepare(password);
        return new IntegrityKey(digest(algorithm.digestName(), input.getBytes(StandardCharsets.UTF_8)));
    }

    /** A key whose bytes were derived elsewhere (for example a cached long-term key). */
    public static IntegrityKey ofBytes(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        return new IntegrityKey(key);
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return key.clone();
    }

    byte[] innerPad(IntegrityAlgorithm alg) {
        return innerPad[alg.ordinal()];
    }

    byte[] outerPad(IntegrityAlgorithm alg) {
        return outerPad[alg.ordinal()];
    }

    private static byte[] digest(String name, byte[] input) {
        try {
            return MessageDigest.getInstance(name).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegrityKey other && MessageDigest.isEqual(other.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "IntegrityKey[" + key.length + " bytes]";
    }
}
