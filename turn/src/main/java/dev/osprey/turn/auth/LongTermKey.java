package dev.osprey.turn.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The long-term credential key of RFC 8489 §9.2.2 for the MD5 password algorithm:
 * {@code key = MD5(username ":" realm ":" password)}. OpaqueString preparation (RFC 8265) is the identity for the
 * ASCII names and passwords that TURN clients use in practice; other strings are hashed as their UTF-8 bytes.
 */
public final class LongTermKey {
    private LongTermKey() {
    }

    /** The 16-byte HMAC key for MESSAGE-INTEGRITY. */
    public static byte[] derive(String username, String realm, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return md5.digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}
