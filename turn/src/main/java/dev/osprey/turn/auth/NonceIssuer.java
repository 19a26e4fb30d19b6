package dev.osprey.turn.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Stateless nonces for long-term authentication (RFC 8489 §9.2): {@code hex(expiry) + hex(MAC(expiry, client IP))},
 * 32 characters. The server keeps nothing per client, a nonce cannot be forged or moved to another client address,
 * and once the expiry passes the server answers 438 (Stale Nonce) with a fresh one (RFC 8489 §9.2.4).
 */
public final class NonceIssuer {
    private static final HexFormat HEX = HexFormat.of();
    private static final int NONCE_CHARS = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final long lifetimeSeconds;
    private final ThreadLocal<Mac> macs;

    /** A nonce issuer with a fresh random key (nonces of an earlier process become stale, which clients handle). */
    public NonceIssuer(long lifetimeSeconds) {
        this(randomKey(), lifetimeSeconds);
    }

    NonceIssuer(byte[] key, long lifetimeSeconds) {
        if (lifetimeSeconds <= 0) {
            throw new IllegalArgumentException("nonce lifetime must be positive: " + lifetimeSeconds);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.lifetimeSeconds = lifetimeSeconds;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A nonce for {@code client} valid until {@code nowEpochSeconds + lifetime}. */
    public String issue(InetAddress client, long nowEpochSeconds) {
        long expiry = nowEpochSeconds + lifetimeSeconds;
        return HEX.toHexDigits(expiry) + HEX.formatHex(mac(expiry, client));
    }

    /** Whether {@code nonce} was issued by this server to {@code client} and has not expired. */
    public NonceStatus check(String nonce, InetAddress client, long nowEpochSeconds) {
        if (nonce.length() != NONCE_CHARS || !isHex(nonce)) {
            return NonceStatus.INVALID;
        }
        long expiry = HEX.fromHexDigitsToLong(nonce, 0, 16);
        byte[] claimed = HEX.parseHex(nonce, 16, NONCE_CHARS);
        if (!MessageDigest.isEqual(claimed, mac(expiry, client))) {
            return NonceStatus.INVALID;
        }
        return expiry > nowEpochSeconds ? NonceStatus.VALID : NonceStatus.STALE;
    }

    private byte[] mac(long expiry, InetAddress client) {
        Mac mac = macs.get();
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (expiry >>> shift));
        }
        mac.update(client.getAddress());
        byte[] full = mac.doFinal();
        byte[] truncated = new byte[8];
        System.arraycopy(full, 0, truncated, 0, truncated.length);
        return truncated;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false; // we only issue lower-case hex
            }
        }
        return true;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The outcome of {@link #check}. */
    public enum NonceStatus {
        VALID,
        /** Ours, but expired: answer 438 with a fresh nonce. */
        STALE,
        /** Not ours, malformed or for another client address: also 438, the client then retries with a fresh one. */
        INVALID
    }
}
