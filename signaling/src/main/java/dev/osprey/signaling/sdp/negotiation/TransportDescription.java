package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Candidate;
import dev.osprey.signaling.sdp.Fingerprint;
import dev.osprey.signaling.sdp.IcePwd;
import dev.osprey.signaling.sdp.IceUfrag;

import java.util.List;
import java.util.Objects;

/**
 * The server side of one peer connection's transport as SDP states it: ICE credentials (RFC 8839 §5.4), whether
 * the agent is ICE-lite (§5.3), the candidates already known (§5.1; a lite server knows all of them up front, so
 * it can also write {@code a=end-of-candidates}, RFC 8840 §8.2) and the DTLS certificate fingerprints (RFC 8122 §5).
 *
 * @param endOfCandidates whether {@code candidates} is complete
 */
public record TransportDescription(IceUfrag ufrag, IcePwd pwd, boolean iceLite, List<Fingerprint> fingerprints,
                                   List<Candidate> candidates, boolean endOfCandidates) {

    public TransportDescription {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(pwd, "pwd");
        fingerprints = List.copyOf(fingerprints);
        candidates = List.copyOf(candidates);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("a DTLS transport needs at least one fingerprint (RFC 8842 §5)");
        }
    }
}
