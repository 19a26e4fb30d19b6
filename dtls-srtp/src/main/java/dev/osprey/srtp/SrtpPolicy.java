package dev.osprey.srtp;

/**
 * The settings of an {@link SrtpSession}.
 *
 * @param replayProtection check a 64-packet replay window per SSRC (RFC 3711 §3.3.2). Off by default, as LiveKit
 *                         runs it: Firefox probes bandwidth by re-sending old packets on the media SSRC, which a
 *                         replay check would drop.
 * @param maxStreams       SSRCs a session creates state for; packets of further SSRCs are dropped and counted
 * @param aeadEngine       which AES-GCM implementation the AEAD profiles run on
 */
public record SrtpPolicy(boolean replayProtection, int maxStreams, AeadEngine aeadEngine) {

    /** The AES-GCM implementations (measured in benchmarks/README.md, "dtls-srtp"). */
    public enum AeadEngine {
        /** JDK {@code AES/GCM/NoPadding} on its CLMUL intrinsics: fastest, allocates per packet in JCE init. */
        JDK,
        /** AES/ECB counter blocks plus a table-driven GHASH: allocation-free, slower per byte. */
        TABLE
    }

    /**
     * Replay protection off, 1024 streams, the allocation-free GCM engine: the media path allocates nothing per
     * packet (docs/architecture.md); {@link AeadEngine#JDK} trades ~1.1 KB of garbage per packet for speed.
     */
    public static final SrtpPolicy DEFAULT = new SrtpPolicy(false, 1024, AeadEngine.TABLE);

    /** Validates the cap. */
    public SrtpPolicy {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be positive");
        }
        if (aeadEngine == null) {
            throw new IllegalArgumentException("aeadEngine is required");
        }
    }

    /** A copy with replay protection switched as given. */
    public SrtpPolicy withReplayProtection(boolean on) {
        return new SrtpPolicy(on, maxStreams, aeadEngine);
    }

    /** A copy with the given AES-GCM engine. */
    public SrtpPolicy withAeadEngine(AeadEngine engine) {
        return new SrtpPolicy(replayProtection, maxStreams, engine);
    }
}
