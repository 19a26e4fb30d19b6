package dev.osprey.control.auth;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Bedrud's password storage (bedrud-api.md §3.1): bcrypt, cost 10, version {@code 2a}, over the raw 32-byte SHA-256
 * digest of the UTF-8 password, so that passwords longer than bcrypt's 72-byte input stay fully significant and a
 * migrated Bedrud database keeps working. Verification also accepts legacy {@code bcrypt(password)} hashes.
 */
public final class PasswordHasher {

    private static final int COST = 10;
    private final SecureRandom random;
    private final int cost;

    public PasswordHasher() {
        this(new SecureRandom(), COST);
    }

    PasswordHasher(SecureRandom random, int cost) {
        this.random = random;
        this.cost = cost;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", sha256(password), salt, cost);
    }

    /** Constant-time check against a stored hash; false for any malformed hash instead of an exception. */
    public boolean verify(String storedHash, String password) {
        if (storedHash == null || storedHash.isEmpty() || password == null) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(storedHash, sha256(password))
                    || OpenBSDBCrypt.checkPassword(storedHash, password.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
