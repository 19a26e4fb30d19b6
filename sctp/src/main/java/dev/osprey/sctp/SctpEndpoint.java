package dev.osprey.sctp;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * What all associations of one server share: settings, the secret that signs State Cookies (RFC 9260 §5.1.3), the
 * counters, the buffer allocator and the source of verification tags and initial TSNs. Thread-safe; create one per
 * server.
 */
public final class SctpEndpoint {
    private static final int SECRET_BYTES = 32;

    private final SctpSettings settings;
    private final byte[] cookieSecret;
    private final ByteBufAllocator allocator;
    private final RandomGenerator random;
    private final SctpCounters counters;

    /**
     * @param cookieSecret at least 16 bytes; the HMAC-SHA256 key of State Cookies
     * @param random       tags and initial TSNs; must be unpredictable in production (RFC 9260 §5.3.1)
     */
    public SctpEndpoint(SctpSettings settings, byte[] cookieSecret, ByteBufAllocator allocator,
                        RandomGenerator random, SctpCounters counters) {
        if (cookieSecret.length < 16) {
            throw new IllegalArgumentException("cookie secret shorter than 16 bytes");
        }
        this.settings = settings;
        this.cookieSecret = cookieSecret.clone();
        this.allocator = allocator;
        this.random = random;
        this.counters = counters;
    }

    /** An endpoint with a fresh random secret, the pooled allocator and {@link SecureRandom}. */
    public static SctpEndpoint create(SctpSettings settings) {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new SctpEndpoint(settings, secret, PooledByteBufAllocator.DEFAULT, random, new SctpCounters());
    }

    public SctpSettings settings() {
        return settings;
    }

    public SctpStats stats() {
        return counters;
    }

    /** The counters, for the layers above the association (data channels) to count their own drops. */
    public SctpCounters counters() {
        return counters;
    }

    public ByteBufAllocator allocator() {
        return allocator;
    }

    byte[] cookieSecret() {
        return cookieSecret;
    }

    /** A non-zero 32-bit value (verification tags must not be 0, RFC 9260 §3.3.2). */
    long nextNonZeroTag() {
        synchronized (random) {
            long tag;
            do {
                tag = random.nextInt() & 0xFFFFFFFFL;
            } while (tag == 0);
            return tag;
        }
    }
}
