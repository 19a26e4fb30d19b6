package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Candidate;
import dev.osprey.signaling.sdp.CandidateType;
import dev.osprey.signaling.sdp.Fingerprint;
import dev.osprey.signaling.sdp.HashFunction;
import dev.osprey.signaling.sdp.IcePwd;
import dev.osprey.signaling.sdp.IceUfrag;

import java.util.List;

/** A server transport like Osprey's: ICE-lite, one UDP mux candidate and one passive ICE-TCP candidate. */
final class Fixtures {

    static final Candidate UDP = Candidate.of("1", 1, "udp", 2130706431L, "192.0.2.10", 7882, CandidateType.HOST);
    static final Candidate TCP = Candidate.of("2", 1, "tcp", 1671430143L, "192.0.2.10", 7881, CandidateType.HOST)
            .withExtension(Candidate.TCPTYPE, "passive");

    private Fixtures() {
    }

    static TransportDescription liteTransport() {
        byte[] digest = new byte[32];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) (i * 7 + 1);
        }
        return new TransportDescription(new IceUfrag("OsPr3yUfrag1"), new IcePwd("0123456789abcdefghijklmnopqrstuv"),
                true, List.of(new Fingerprint(HashFunction.SHA_256, digest)), List.of(UDP, TCP), true);
    }
}
