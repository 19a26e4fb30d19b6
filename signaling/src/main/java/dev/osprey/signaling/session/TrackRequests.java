package dev.osprey.signaling.session;

import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import dev.osprey.signaling.auth.VideoGrant;
import dev.osprey.signaling.rooms.LiveKitInfos;
import livekit.LivekitModels;
import livekit.LivekitModels.VideoLayer;
import livekit.LivekitModels.VideoQuality;
import livekit.LivekitRtc.AddTrackRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * LiveKit's publishing vocabulary in media-core's types: an {@code AddTrackRequest} (livekit-protocol.md §2.5) as a
 * {@link TrackPublishRequest}, token grants as a {@link ParticipantPermission}, and the enums both sides name.
 */
final class TrackRequests {

    private TrackRequests() {
    }

    /**
     * The video codec is the first entry of {@code simulcast_codecs} (what LiveKit clients publish with), else VP8,
     * the JS default; it stands until the offer is negotiated.
     *
     * @throws IllegalArgumentException for a request no track can be made of (no cid, data track type)
     */
    static TrackPublishRequest publishRequest(AddTrackRequest add) {
        MediaKind kind = switch (add.getType()) {
            case AUDIO -> MediaKind.AUDIO;
            case VIDEO -> MediaKind.VIDEO;
            default -> throw new IllegalArgumentException("cannot publish a " + add.getType() + " track");
        };
        MimeType mime = kind == MediaKind.AUDIO ? MimeType.OPUS : videoMime(add);
        List<Encoding> layers = new ArrayList<>();
        if (kind == MediaKind.VIDEO && add.getLayersCount() > 1) {
            for (VideoLayer layer : add.getLayersList()) {
                LayerQuality quality = quality(layer.getQuality());
                layers.add(Encoding.ofRid(layer.getRid().isEmpty() ? defaultRid(quality) : layer.getRid(), quality,
                        layer.getWidth(), layer.getHeight()));
            }
        }
        return new TrackPublishRequest(add.getCid(), add.getName(), kind, LiveKitInfos.sourceOf(add.getSource()), mime,
                add.getWidth(), add.getHeight(), add.getMuted(), layers, add.getStereo(), add.getDisableDtx(),
                add.getDisableRed(), add.getStream());
    }

    private static MimeType videoMime(AddTrackRequest add) {
        for (var codec : add.getSimulcastCodecsList()) {
            if (!codec.getCodec().isEmpty()) {
                String name = codec.getCodec().contains("/") ? codec.getCodec() : "video/" + codec.getCodec();
                try {
                    return MimeType.parse(name);
                } catch (IllegalArgumentException unknown) {
                    break;
                }
            }
        }
        return MimeType.VP8;
    }

    /** The rids LiveKit clients give their simulcast encodings, low to high (livekit-protocol.md §2.5). */
    private static String defaultRid(LayerQuality quality) {
        return switch (quality) {
            case LOW -> "q";
            case MEDIUM -> "h";
            case HIGH -> "f";
        };
    }

    static LayerQuality quality(VideoQuality quality) {
        return switch (quality) {
            case LOW -> LayerQuality.LOW;
            case MEDIUM -> LayerQuality.MEDIUM;
            default -> LayerQuality.HIGH;
        };
    }

    /** The token's {@code video} grant as media-core's permission (§5: publish, subscribe, data default to true). */
    static ParticipantPermission permission(VideoGrant grant) {
        Set<TrackSource> sources = EnumSet.noneOf(TrackSource.class);
        for (LivekitModels.TrackSource s : grant.publishSources()) {
            sources.add(LiveKitInfos.sourceOf(s));
        }
        return new ParticipantPermission(grant.effectiveCanSubscribe(), grant.effectiveCanPublish(),
                grant.effectiveCanPublishData(), sources, grant.hidden(), grant.effectiveCanUpdateOwnMetadata());
    }
}
