package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.Msid;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Ssrc;
import dev.osprey.signaling.sdp.SsrcGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The track an RTP media section carries, as its writer labelled it: the mid, the {@code a=msid} stream and track
 * ids (RFC 8830 §2; for a browser's publisher offer the track id is the {@code AddTrackRequest.cid}), the SSRCs and
 * SSRC groups when signalled (RFC 5576), and the rid-based simulcast layers.
 *
 * @param streamId {@code null} when the section has no msid
 * @param trackId  {@code null} when the section has no msid or its msid has no track id
 */
public record SignalledTrack(String mid, MediaType kind, Direction direction, String streamId, String trackId,
                             List<Long> ssrcs, List<SsrcGroup> ssrcGroups, List<SimulcastLayer> layers) {

    public SignalledTrack {
        ssrcs = List.copyOf(ssrcs);
        ssrcGroups = List.copyOf(ssrcGroups);
        layers = List.copyOf(layers);
    }

    /** One entry per RTP section that has a mid and is not rejected, in order. */
    public static List<SignalledTrack> of(SessionDescription description) {
        List<SignalledTrack> tracks = new ArrayList<>();
        for (MediaDescription section : description.media()) {
            if (!section.media().isRtpMedia() || section.isRejected() || section.mid().isEmpty()) {
                continue;
            }
            Optional<Msid> msid = msid(section);
            List<Long> ssrcs = section.ssrcs().stream().map(Ssrc::ssrc).distinct().toList();
            tracks.add(new SignalledTrack(section.mid().get(), section.media(), description.direction(section),
                    msid.map(Msid::streamId).orElse(null), msid.map(Msid::trackId).orElse(null), ssrcs,
                    section.ssrcGroups(), SimulcastLayer.sentBy(section)));
        }
        return tracks;
    }

    /** LiveKit's {@code mid_to_track_id}: mid → track id of every section with a labelled track. */
    public static Map<String, String> midToTrackId(SessionDescription description) {
        Map<String, String> map = new LinkedHashMap<>();
        of(description).stream().filter(t -> t.trackId != null).forEach(t -> map.put(t.mid, t.trackId));
        return map;
    }

    /** The packed LiveKit stream id, when the stream id is one. */
    public Optional<PackedStreamId> packedStreamId() {
        return streamId == null ? Optional.empty() : PackedStreamId.parse(streamId);
    }

    public boolean isSimulcast() {
        return !layers.isEmpty();
    }

    /**
     * The section's {@code a=msid}, else the legacy {@code a=ssrc:<n> msid:<stream> <track>} of its first source
     * (RFC 8830 §2 replaced the source-level form; pion and older clients still write it).
     */
    private static Optional<Msid> msid(MediaDescription section) {
        if (!section.msids().isEmpty()) {
            return Optional.of(section.msids().get(0));
        }
        return section.ssrcs().stream().filter(s -> Ssrc.MSID.equals(s.attribute()) && s.value() != null)
                .findFirst().flatMap(s -> {
                    try {
                        return Optional.of(Msid.parse(s.value()));
                    } catch (SdpParseException e) {
                        return Optional.empty();
                    }
                });
    }
}
