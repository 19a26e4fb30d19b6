package dev.osprey.dtls;

import dev.osprey.srtp.SrtpProfile;
import org.bouncycastle.tls.NamedGroup;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the DTLS handshakes (defaults from shared/specs/livekit-protocol.md, "DTLS": pion's values).
 *
 * @param srtpProfiles      profiles offered (client) or accepted (server), most preferred first (RFC 5764 §4.1.1)
 * @param curves            key exchange groups, most preferred first
 * @param handshakeTimeout  a handshake not done by then fails with {@link DtlsCloseReason#HANDSHAKE_TIMEOUT}
 * @param retransmitInitial first retransmission timeout of a flight; doubled on each retransmission (RFC 6347
 *                          §4.2.4.1)
 * @param handshakeThreads  handshakes running at once: BouncyCastle's protocol blocks a thread per handshake
 * @param pendingHandshakes handshakes waiting for a thread; beyond that a start fails with
 *                          {@link DtlsCloseReason#OVERLOADED}
 * @param receiveQueueRecords datagrams buffered per endpoint while its handshake thread is busy; more are dropped
 * @param mtu               largest datagram sent (the handshake is fragmented to fit)
 */
public record DtlsConfig(List<SrtpProfile> srtpProfiles, List<Curve> curves, Duration handshakeTimeout,
                         Duration retransmitInitial, int handshakeThreads, int pendingHandshakes,
                         int receiveQueueRecords, int mtu) {

    /** The key exchange groups Osprey offers (RFC 8422 §5.1.1, RFC 7748). */
    public enum Curve {
        X25519(NamedGroup.x25519), P256(NamedGroup.secp256r1), P384(NamedGroup.secp384r1);

        private final int namedGroup;

        Curve(int namedGroup) {
            this.namedGroup = namedGroup;
        }

        int namedGroup() {
            return namedGroup;
        }
    }

    /** GCM first, then CM/HMAC-SHA1-80; X25519, P-256, P-384; 60 s timeout; 100 ms first retransmission. */
    public static final DtlsConfig DEFAULT = new DtlsConfig(
            List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80),
            List.of(Curve.X25519, Curve.P256, Curve.P384), Duration.ofSeconds(60), Duration.ofMillis(100),
            4, 256, 64, 1200);

    /** Validates every field. */
    public DtlsConfig {
        srtpProfiles = List.copyOf(srtpProfiles);
        curves = List.copyOf(curves);
        if (srtpProfiles.isEmpty() || curves.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile and one curve are needed");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || retransmitInitial.isNegative()
                || retransmitInitial.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (handshakeThreads < 1 || pendingHandshakes < 0 || receiveQueueRecords < 1 || mtu < 256) {
            throw new IllegalArgumentException("thread, queue and MTU sizes out of range");
        }
    }

    /** A copy offering these SRTP profiles in this order. */
    public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
        return new DtlsConfig(profiles, curves, handshakeTimeout, retransmitInitial, handshakeThreads,
                pendingHandshakes, receiveQueueRecords, mtu);
    }

    /** A copy with these key exchange groups. */
    public DtlsConfig withCurves(List<Curve> groups) {
        return new DtlsConfig(srtpProfiles, groups, handshakeTimeout, retransmitInitial, handshakeThreads,
                pendingHandshakes, receiveQueueRecords, mtu);
    }

    /** A copy with this handshake timeout. */
    public DtlsConfig withHandshakeTimeout(Duration timeout) {
        return new DtlsConfig(srtpProfiles, curves, timeout, retransmitInitial, handshakeThreads,
                pendingHandshakes, receiveQueueRecords, mtu);
    }

    /** A copy with this handshake concurrency and queue. */
    public DtlsConfig withHandshakeCapacity(int threads, int pending) {
        return new DtlsConfig(srtpProfiles, curves, handshakeTimeout, retransmitInitial, threads, pending,
                receiveQueueRecords, mtu);
    }

    int[] namedGroups() {
        return curves.stream().mapToInt(Curve::namedGroup).toArray();
    }
}
