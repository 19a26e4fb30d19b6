package dev.osprey.signaling.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.signaling.sdp.Candidate;
import dev.osprey.signaling.sdp.negotiation.TransportDescription;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrickleRequest;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Osprey's candidates as LiveKit trickle messages (livekit-protocol.md §2.4): {@code candidateInit} is the JSON of an
 * {@code RTCIceCandidateInit}, the last one marked {@code final}. An ICE-lite server already lists every candidate in
 * its SDP; trickling them too is what LiveKit clients expect of the server, and harmless as duplicates.
 */
final class Trickles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Trickles() {
    }

    /** @param mid the media section the candidates belong to (the first of the BUNDLE group) */
    static List<TrickleRequest> of(TransportDescription transport, String mid, SignalTarget target) {
        List<TrickleRequest> trickles = new ArrayList<>();
        List<Candidate> candidates = transport.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Object> init = new LinkedHashMap<>();
            init.put("candidate", candidates.get(i).toTrickle());
            init.put("sdpMid", mid);
            init.put("sdpMLineIndex", 0);
            init.put("usernameFragment", transport.ufrag().ufrag());
            trickles.add(TrickleRequest.newBuilder().setCandidateInit(json(init)).setTarget(target)
                    .setFinal(i == candidates.size() - 1).build());
        }
        return trickles;
    }

    private static String json(Map<String, Object> init) {
        try {
            return JSON.writeValueAsString(init);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
