package dev.osprey.media.api;

import java.util.List;
import java.util.Objects;

/**
 * What signaling puts into its SDP for one of a participant's peer connections: ICE-lite credentials and candidates,
 * and the DTLS certificate fingerprint (RFC 8839, RFC 8842).
 *
 * @param iceUfrag     {@code a=ice-ufrag}
 * @param icePassword  {@code a=ice-pwd}
 * @param candidates   {@code a=candidate} lines (and trickle)
 * @param fingerprint  {@code a=fingerprint}
 * @param iceLite      always true: Osprey answers checks and never sends them ({@code a=ice-lite})
 */
public record LocalTransportDescription(String iceUfrag, String icePassword, List<TransportCandidate> candidates,
                                        TransportFingerprint fingerprint, boolean iceLite) {
    public LocalTransportDescription {
        Objects.requireNonNull(iceUfrag, "iceUfrag");
        Objects.requireNonNull(icePassword, "icePassword");
        Objects.requireNonNull(fingerprint, "fingerprint");
        candidates = List.copyOf(candidates);
    }
}
