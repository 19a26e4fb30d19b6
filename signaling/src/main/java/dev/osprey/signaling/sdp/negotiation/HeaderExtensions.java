package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.MediaDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * RTP header extension URIs LiveKit negotiates (livekit-protocol.md §4) and the RFC 8285 §7 answer rule: keep the
 * offered mappings whose URI the answerer supports, with the offerer's ids.
 */
public final class HeaderExtensions {

    /** RFC 9143 §15 (was RFC 8843): the MID of the packet's m-section. */
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** RFC 8852 §3.1: the rid of a simulcast stream. */
    public static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    /** RFC 8852 §3.2: the rid an RTX packet repairs. */
    public static final String REPAIRED_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    /** RFC 6464: client-to-mixer audio level. */
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String ABS_CAPTURE_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time";
    public static final String TRANSPORT_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String FRAMEMARKING = "urn:ietf:params:rtp-hdrext:framemarking";
    public static final String DEPENDENCY_DESCRIPTOR =
            "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension";
    public static final String PLAYOUT_DELAY = "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";

    /**
     * Every URI above in a fixed order; a server-written offer maps URI number {@code i} to id {@code i + 1}, so ids
     * stay stable across renegotiations and fit the one-byte header form (RFC 8285 §4.2).
     */
    public static final List<String> STABLE_ORDER = List.of(MID, RTP_STREAM_ID, REPAIRED_RTP_STREAM_ID, AUDIO_LEVEL,
            ABS_SEND_TIME, ABS_CAPTURE_TIME, TRANSPORT_CC, FRAMEMARKING, DEPENDENCY_DESCRIPTOR, PLAYOUT_DELAY);

    private HeaderExtensions() {
    }

    /**
     * The answer's mappings (RFC 8285 §7): the offered ones whose URI is in {@code supported}, in offer order with
     * the offer's ids; a mapping offered with a direction is answered with the reverse one. Offer-only ids
     * 4096–4351 are not taken up (the answer would have to pick a new id, RFC 8285 §7); of conflicting mappings
     * (one URI twice, or one id twice) only the first is kept.
     */
    public static List<ExtMap> answer(MediaDescription offer, List<String> supported) {
        List<ExtMap> accepted = new ArrayList<>();
        for (ExtMap offered : offer.extMaps()) {
            if (supported.contains(offered.uri()) && offered.id() <= 255
                    && accepted.stream().noneMatch(e -> e.uri().equals(offered.uri()) || e.id() == offered.id())) {
                Direction direction = offered.direction() == null ? null : offered.direction().reverse();
                accepted.add(new ExtMap(offered.id(), direction, offered.uri(), null));
            }
        }
        return accepted;
    }

    /** The mappings for a server-written offer: each of {@code uris} with its {@link #STABLE_ORDER} id. */
    public static List<ExtMap> offer(List<String> uris) {
        List<ExtMap> maps = new ArrayList<>(uris.size());
        for (String uri : uris) {
            int index = STABLE_ORDER.indexOf(uri);
            if (index < 0) {
                throw new IllegalArgumentException("no stable id for header extension " + uri);
            }
            maps.add(ExtMap.of(index + 1, uri));
        }
        return maps;
    }

    /** The id {@code section} maps {@code uri} to, or 0 when it does not. */
    public static int idOf(List<ExtMap> maps, String uri) {
        return maps.stream().filter(m -> m.isFor(uri)).mapToInt(ExtMap::id).findFirst().orElse(0);
    }
}
