package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.Rid;
import dev.osprey.signaling.sdp.Simulcast;
import dev.osprey.signaling.sdp.StreamDirection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rid-identified simulcast stream a media section offers to send (RFC 8853 §5.1 with RFC 8851 §4), with the
 * quality LiveKit assigns it when {@code AddTrackRequest.layers} does not say: {@code q}=LOW, {@code h}=MEDIUM,
 * {@code f}=HIGH (livekit-protocol.md §4), otherwise by position (first = lowest, as browsers list
 * {@code sendEncodings}).
 *
 * @param quality 0 = LOW, 1 = MEDIUM, 2 = HIGH (the numbering of LiveKit's {@code VideoQuality})
 * @param rid     the full {@code a=rid} line, with restrictions such as {@code max-width}
 */
public record SimulcastLayer(String ridId, boolean paused, int quality, Rid rid) {

    /**
     * The streams {@code section} will send, from its {@code a=simulcast} send list (the first alternative of each
     * stream that has an {@code a=rid ... send} line, RFC 8853 §5.2), or from its {@code a=rid ... send} lines when
     * there is no {@code a=simulcast}. Empty for a section without rid-based simulcast.
     */
    public static List<SimulcastLayer> sentBy(MediaDescription section) {
        List<Rid> sendRids = section.rids().stream().filter(r -> r.direction() == StreamDirection.SEND).toList();
        List<Simulcast.Alternative> streams = new ArrayList<>();
        Optional<Simulcast> simulcast = section.simulcast();
        if (simulcast.isPresent()) {
            for (Simulcast.Layer layer : simulcast.get().send()) {
                layer.alternatives().stream().filter(a -> find(sendRids, a.rid()).isPresent()).findFirst()
                        .ifPresent(streams::add);
            }
        } else {
            sendRids.forEach(r -> streams.add(new Simulcast.Alternative(r.id(), false)));
        }
        List<SimulcastLayer> layers = new ArrayList<>(streams.size());
        for (int i = 0; i < streams.size(); i++) {
            Simulcast.Alternative a = streams.get(i);
            layers.add(new SimulcastLayer(a.rid(), a.paused(), quality(a.rid(), i, streams.size()),
                    find(sendRids, a.rid()).orElseThrow()));
        }
        return layers;
    }

    /** LiveKit's default rid → quality mapping; unknown rids by position, the last being HIGH for 3+ layers. */
    static int quality(String rid, int index, int count) {
        return switch (rid) {
            case "q" -> 0;
            case "h" -> 1;
            case "f" -> 2;
            default -> Math.min(2, Math.max(0, count >= 3 ? index - (count - 3) : index));
        };
    }

    private static Optional<Rid> find(List<Rid> rids, String id) {
        return rids.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
