package dev.osprey.signaling.session;

import dev.osprey.media.api.DtlsSetup;
import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.RemoteTransportDescription;
import dev.osprey.media.api.TransportCandidate;
import dev.osprey.media.api.TransportFingerprint;
import dev.osprey.signaling.sdp.Candidate;
import dev.osprey.signaling.sdp.CandidateType;
import dev.osprey.signaling.sdp.Fingerprint;
import dev.osprey.signaling.sdp.IcePwd;
import dev.osprey.signaling.sdp.IceUfrag;
import dev.osprey.signaling.sdp.MaxMessageSize;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Setup;
import dev.osprey.signaling.sdp.negotiation.TransportDescription;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The transport half of SDP in both directions: a media-core {@link LocalTransportDescription} as the ICE and DTLS
 * lines Osprey writes (RFC 8839 §5, RFC 8842 §5), and the client's description as a
 * {@link RemoteTransportDescription} (its fingerprints, its {@code a=setup}, whether it negotiated SCTP).
 */
final class SdpTransports {

    private SdpTransports() {
    }

    /** Osprey's side: ICE-lite, every candidate known up front, so also end-of-candidates (RFC 8840 §8.2). */
    static TransportDescription local(LocalTransportDescription local) {
        List<Candidate> candidates = new ArrayList<>();
        for (TransportCandidate c : local.candidates()) {
            Candidate candidate = Candidate.of(c.foundation(), c.component(), c.protocol().toLowerCase(Locale.ROOT),
                    c.priority(), c.address(), c.port(), CandidateType.valueOf(c.type()));
            if (!c.tcpType().isEmpty()) {
                candidate = candidate.withExtension(Candidate.TCPTYPE, c.tcpType());
            }
            candidates.add(candidate);
        }
        TransportFingerprint fp = local.fingerprint();
        Fingerprint fingerprint = Fingerprint.parse(fp.algorithm() + " " + fp.value());
        return new TransportDescription(new IceUfrag(local.iceUfrag()), new IcePwd(local.icePassword()),
                local.iceLite(), List.of(fingerprint), candidates, true);
    }

    /**
     * The client's transport from its offer or answer: BUNDLE puts every section on one transport, so the first
     * section that is not rejected speaks for all of them (RFC 9143 §7).
     *
     * @throws SdpParseException when the description has no usable section or no fingerprint
     */
    static RemoteTransportDescription remote(SessionDescription description) {
        MediaDescription first = description.media().stream().filter(m -> !m.isRejected()).findFirst()
                .orElseThrow(() -> new SdpParseException("the description has no accepted media section"));
        List<TransportFingerprint> fingerprints = new ArrayList<>();
        for (Fingerprint f : description.fingerprints(first)) {
            fingerprints.add(new TransportFingerprint(f.hashFunction().name(),
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(f.digest())));
        }
        if (fingerprints.isEmpty()) {
            throw new SdpParseException("the description has no a=fingerprint (RFC 8842 §5.1)");
        }
        DtlsSetup setup = switch (description.setup(first).orElse(Setup.ACTPASS)) {
            case ACTIVE -> DtlsSetup.ACTIVE;
            case PASSIVE -> DtlsSetup.PASSIVE;
            default -> DtlsSetup.ACTPASS;
        };
        MediaDescription application = description.media().stream()
                .filter(m -> !m.isRejected() && m.media().equals(MediaType.APPLICATION)).findFirst().orElse(null);
        long maxMessageSize = application == null ? 0 : application.lines().stream()
                .filter(MaxMessageSize.class::isInstance).map(MaxMessageSize.class::cast)
                .mapToLong(MaxMessageSize::bytes).findFirst().orElse(0);
        return new RemoteTransportDescription(fingerprints, setup, application != null, maxMessageSize);
    }
}
