package dev.osprey.signaling.session;

import dev.osprey.media.api.Codec;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.FmtpParameters;
import dev.osprey.media.api.HeaderExtension;
import dev.osprey.media.api.HeaderExtensionUri;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.RtcpFeedback;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.RtcpFb;
import dev.osprey.signaling.sdp.SsrcGroup;
import dev.osprey.signaling.sdp.negotiation.NegotiatedCodec;
import dev.osprey.signaling.sdp.negotiation.NegotiatedMedia;
import dev.osprey.signaling.sdp.negotiation.SignalledTrack;
import dev.osprey.signaling.sdp.negotiation.SimulcastLayer;
import dev.osprey.signaling.sdp.negotiation.SubscriberSection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SDP's negotiated media as media-core's typed {@link RtpParameters} — the one place where SDP turns into what the
 * forwarding engine sees, so media-core never parses SDP (ARCHITECTURE.md). RTX (RFC 4588 §8.6) becomes its own
 * codec entry with {@code apt}; simulcast layers (RFC 8853) become RID encodings with their qualities.
 */
final class NegotiatedRtp {

    private NegotiatedRtp() {
    }

    /**
     * What a publisher sends in one section of its offer.
     *
     * @param announced the layers its AddTrackRequest announced (rid → dimensions), empty when none
     */
    static RtpParameters published(NegotiatedMedia media, List<Encoding> announced) {
        MediaKind kind = kind(media.kind());
        List<Encoding> encodings = new ArrayList<>();
        for (SimulcastLayer layer : media.layers()) {
            Encoding known = announced.stream().filter(e -> e.rid().equals(layer.ridId())).findFirst().orElse(null);
            LayerQuality quality = known != null ? known.quality() : LayerQuality.values()[layer.quality()];
            encodings.add(Encoding.ofRid(layer.ridId(), quality, known == null ? 0 : known.maxWidth(),
                    known == null ? 0 : known.maxHeight()));
        }
        SignalledTrack remote = media.remote();
        if (encodings.isEmpty() && remote != null && !remote.ssrcs().isEmpty()) {
            encodings.add(Encoding.ofSsrc(remote.ssrcs().get(0), repairSsrc(remote)));
        }
        return new RtpParameters(media.mid(), kind, codecs(kind, media.codecs()), extensions(media.extensions()),
                encodings, "", remote == null || remote.streamId() == null ? "" : remote.streamId(),
                remote == null || remote.trackId() == null ? "" : remote.trackId());
    }

    /**
     * What Osprey sends in one subscriber section, as the client's answer accepted it: the offered codecs whose
     * payload types the answer kept, and the offered header extensions it echoed with the same id (RFC 8285 §6).
     */
    static RtpParameters subscribed(SubscriberSection.Track offered, List<ExtMap> offeredExtensions,
                                    MediaDescription answer) {
        MediaKind kind = kind(offered.kind());
        Set<String> formats = new HashSet<>(answer.mediaLine().formats());
        List<NegotiatedCodec> accepted = offered.codecs().stream()
                .filter(c -> formats.contains(Integer.toString(c.payloadType()))).toList();
        List<ExtMap> echoed = offeredExtensions.stream()
                .filter(o -> answer.extMaps().stream().anyMatch(a -> a.id() == o.id() && a.uri().equals(o.uri())))
                .toList();
        boolean rtx = accepted.stream().anyMatch(NegotiatedCodec::hasRtx);
        Encoding encoding = Encoding.ofSsrc(offered.ssrc(), rtx && offered.rtxSsrc() >= 0
                ? offered.rtxSsrc() : Encoding.UNKNOWN_SSRC);
        return new RtpParameters(offered.mid(), kind, codecs(kind, accepted), extensions(echoed), List.of(encoding),
                offered.cname(), "", "");
    }

    static MediaKind kind(MediaType type) {
        return MediaKind.fromTypeName(type.name());
    }

    static MediaType mediaType(MediaKind kind) {
        return kind == MediaKind.AUDIO ? MediaType.AUDIO : MediaType.VIDEO;
    }

    private static List<Codec> codecs(MediaKind kind, List<NegotiatedCodec> negotiated) {
        List<Codec> codecs = new ArrayList<>();
        for (NegotiatedCodec n : negotiated) {
            var codec = n.codec();
            codecs.add(new Codec(MimeType.of(kind, codec.name()), n.payloadType(), (int) codec.clockRate(),
                    codec.channelsOrDefault(), fmtp(codec.parameters()), feedback(n.feedback())));
            if (n.hasRtx()) {
                codecs.add(new Codec(kind == MediaKind.VIDEO ? MimeType.RTX : MimeType.AUDIO_RTX, n.rtxPayloadType(),
                        (int) codec.clockRate(), 0, FmtpParameters.of(Map.of(FmtpParameters.APT,
                        Integer.toString(n.payloadType()))), Set.of()));
            }
        }
        return codecs;
    }

    private static FmtpParameters fmtp(FormatParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.parameters().forEach(p -> values.put(p.name(), p.value() == null ? "" : p.value()));
        return FmtpParameters.of(values);
    }

    private static Set<RtcpFeedback> feedback(List<RtcpFb> lines) {
        Set<RtcpFeedback> feedback = new HashSet<>();
        lines.forEach(f -> feedback.add(new RtcpFeedback(f.type(), f.parameter() == null ? "" : f.parameter())));
        return feedback;
    }

    private static List<HeaderExtension> extensions(List<ExtMap> maps) {
        List<HeaderExtension> extensions = new ArrayList<>();
        for (ExtMap m : maps) {
            extensions.add(new HeaderExtension(HeaderExtensionUri.of(m.uri()), m.id()));
        }
        return extensions;
    }

    /** RFC 5576 §4.2 / RFC 4588 §8.7: the second SSRC of the FID group repairs the first. */
    private static long repairSsrc(SignalledTrack remote) {
        long primary = remote.ssrcs().get(0);
        for (SsrcGroup group : remote.ssrcGroups()) {
            if (SsrcGroup.FID.equals(group.semantics()) && group.ssrcs().size() == 2 && group.ssrcs().get(0) == primary) {
                return group.ssrcs().get(1);
            }
        }
        return Encoding.UNKNOWN_SSRC;
    }
}
