package dev.osprey.signaling.rooms;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;
import livekit.LivekitModels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Media-core's snapshots as LiveKit's protobuf messages (livekit_models.proto {@code Room}, {@code ParticipantInfo},
 * {@code TrackInfo}; livekit-protocol.md §2.1, §2.5), filled as livekit-server fills them, for the server API, webhooks,
 * and the signal session's JoinResponse and ParticipantUpdate. Pure functions of the snapshot.
 */
public final class LiveKitInfos {

    /** A {@code uint32} on the wire: larger values are capped rather than wrapped into nonsense. */
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private LiveKitInfos() {
    }

    /** {@code Room}: sid, name, timeouts, participant limit, creation time (s and ms), metadata and counts. */
    public static LivekitModels.Room room(RoomInfo room) {
        return LivekitModels.Room.newBuilder()
                .setSid(room.id().value())
                .setName(room.name().value())
                .setEmptyTimeout(room.settings().emptyTimeoutSeconds())
                .setDepartureTimeout(room.settings().departureTimeoutSeconds())
                .setMaxParticipants(room.settings().maxParticipants())
                .setCreationTime(Math.floorDiv(room.creationTimeMillis(), 1000L))
                .setCreationTimeMs(room.creationTimeMillis())
                .setMetadata(room.metadata())
                .setNumParticipants(room.numParticipants())
                .setNumPublishers(room.numPublishers())
                .build();
    }

    /** {@code ParticipantInfo} of a participant still in its room (no disconnect reason). */
    public static LivekitModels.ParticipantInfo participant(dev.osprey.media.api.ParticipantInfo participant) {
        return participantBuilder(participant).build();
    }

    /** {@code ParticipantInfo} of a participant that left, with why ({@code disconnect_reason}). */
    public static LivekitModels.ParticipantInfo participant(dev.osprey.media.api.ParticipantInfo participant,
                                                            DisconnectReason reason) {
        return participantBuilder(participant).setDisconnectReason(disconnectReason(reason)).build();
    }

    private static LivekitModels.ParticipantInfo.Builder participantBuilder(
            dev.osprey.media.api.ParticipantInfo participant) {
        LivekitModels.ParticipantInfo.Builder info = LivekitModels.ParticipantInfo.newBuilder()
                .setSid(participant.id().value())
                .setIdentity(participant.identity().value())
                .setName(participant.name())
                .setMetadata(participant.metadata())
                .putAllAttributes(participant.attributes())
                .setState(state(participant.state()))
                .setJoinedAt(Math.floorDiv(participant.joinedAtMillis(), 1000L))
                .setJoinedAtMs(participant.joinedAtMillis())
                // clients drop an update whose version is not newer; uint32 on the wire, media-core counts from 1
                .setVersion((int) Math.min(participant.version(), UINT32_MAX))
                .setPermission(permission(participant.permission()))
                .setIsPublisher(participant.isPublisher())
                .setKind(LivekitModels.ParticipantInfo.Kind.STANDARD);
        for (TrackInfo track : participant.tracks()) {
            info.addTracks(track(track));
        }
        return info;
    }

    /** {@code ParticipantPermission} (the token's grants as livekit-server's {@code ToPermission} lists them). */
    public static LivekitModels.ParticipantPermission permission(ParticipantPermission permission) {
        LivekitModels.ParticipantPermission.Builder proto = LivekitModels.ParticipantPermission.newBuilder()
                .setCanSubscribe(permission.canSubscribe())
                .setCanPublish(permission.canPublish())
                .setCanPublishData(permission.canPublishData())
                .setHidden(permission.hidden())
                .setCanUpdateMetadata(permission.canUpdateMetadata());
        // a stable order, so that two snapshots of one permission compare equal
        permission.canPublishSources().stream().sorted().forEach(s -> proto.addCanPublishSources(source(s)));
        return proto.build();
    }

    /**
     * The permission a server-API caller sets ({@code UpdateParticipantRequest.permission}). A source this server does
     * not know becomes {@link TrackSource#UNKNOWN} rather than vanishing, so that a restricted source list never turns
     * into the empty list that allows every source.
     */
    public static ParticipantPermission permissionOf(LivekitModels.ParticipantPermission permission) {
        Set<TrackSource> sources = EnumSet.noneOf(TrackSource.class);
        for (LivekitModels.TrackSource source : permission.getCanPublishSourcesList()) {
            sources.add(sourceOf(source));
        }
        return new ParticipantPermission(permission.getCanSubscribe(), permission.getCanPublish(),
                permission.getCanPublishData(), sources, permission.getHidden(), permission.getCanUpdateMetadata());
    }

    /**
     * {@code TrackInfo} as livekit-server builds it from the AddTrackRequest and the negotiated section: sid, type,
     * name, source, mime type, mid, mute, dimensions, layers (by quality), one {@code SimulcastCodecInfo} for the
     * negotiated codec, audio features, and the stream (the source's group when the client named none).
     */
    @SuppressWarnings("deprecation") // simulcast, layers, stereo and disable_dtx: older clients still read them
    public static LivekitModels.TrackInfo track(TrackInfo track) {
        TrackPublishRequest request = track.request();
        List<LivekitModels.VideoLayer> layers = layers(request.layers());
        LivekitModels.TrackInfo.Builder info = LivekitModels.TrackInfo.newBuilder()
                .setSid(track.id().value())
                .setType(type(track.kind()))
                .setName(request.name())
                .setSource(source(track.source()))
                .setMimeType(track.mimeType().toString())
                .setMid(track.mid())
                .setMuted(track.muted())
                .setWidth(request.width())
                .setHeight(request.height())
                .setSimulcast(layers.size() > 1 && !isSvc(track.mimeType()))
                .addAllLayers(layers)
                .setDisableRed(request.disableRed())
                .setStream(request.stream().isEmpty() ? streamOf(track.source()) : request.stream())
                .addCodecs(codec(track, layers));
        if (track.kind() == MediaKind.AUDIO) {
            info.setStereo(request.stereo()).setDisableDtx(request.disableDtx());
            if (request.stereo()) {
                info.addAudioFeatures(LivekitModels.AudioTrackFeature.TF_STEREO);
            }
            if (request.disableDtx()) {
                info.addAudioFeatures(LivekitModels.AudioTrackFeature.TF_NO_DTX);
            }
        }
        return info.build();
    }

    private static LivekitModels.SimulcastCodecInfo codec(TrackInfo track, List<LivekitModels.VideoLayer> layers) {
        LivekitModels.SimulcastCodecInfo.Builder codec = LivekitModels.SimulcastCodecInfo.newBuilder()
                .setMimeType(track.mimeType().toString())
                .setMid(track.mid())
                .setCid(track.request().clientTrackId())
                .addAllLayers(layers);
        if (track.kind() == MediaKind.VIDEO) {
            codec.setVideoLayerMode(isSvc(track.mimeType())
                    ? LivekitModels.VideoLayer.Mode.MULTIPLE_SPATIAL_LAYERS_PER_STREAM
                    : LivekitModels.VideoLayer.Mode.ONE_SPATIAL_LAYER_PER_STREAM);
        }
        return codec.build();
    }

    /** The publisher's layers lowest quality first, as livekit-server sorts them. */
    public static List<LivekitModels.VideoLayer> layers(List<Encoding> encodings) {
        List<Encoding> sorted = new ArrayList<>(encodings);
        sorted.sort(Comparator.comparing(Encoding::quality));
        List<LivekitModels.VideoLayer> layers = new ArrayList<>(sorted.size());
        for (Encoding encoding : sorted) {
            layers.add(layer(encoding));
        }
        return layers;
    }

    /** {@code VideoLayer}: quality, size, bitrate, rid, and the SSRCs once known. */
    public static LivekitModels.VideoLayer layer(Encoding encoding) {
        LivekitModels.VideoLayer.Builder layer = LivekitModels.VideoLayer.newBuilder()
                .setQuality(quality(encoding.quality()))
                .setWidth(encoding.maxWidth())
                .setHeight(encoding.maxHeight())
                .setBitrate((int) Math.min(encoding.maxBitrateBps(), UINT32_MAX))
                .setRid(encoding.rid());
        if (encoding.hasSsrc()) {
            layer.setSsrc((int) encoding.ssrc());
        }
        if (encoding.hasRtxSsrc()) {
            layer.setRepairSsrc((int) encoding.rtxSsrc());
        }
        return layer.build();
    }

    public static LivekitModels.ParticipantInfo.State state(ParticipantState state) {
        return switch (state) {
            case JOINING -> LivekitModels.ParticipantInfo.State.JOINING;
            case JOINED -> LivekitModels.ParticipantInfo.State.JOINED;
            case ACTIVE -> LivekitModels.ParticipantInfo.State.ACTIVE;
            case DISCONNECTED -> LivekitModels.ParticipantInfo.State.DISCONNECTED;
        };
    }

    /**
     * LiveKit's reason of the same name: media-core names its reasons after LiveKit's, so a reason media-core adds
     * maps without a change here; one LiveKit does not know is {@code UNKNOWN_REASON}.
     */
    public static LivekitModels.DisconnectReason disconnectReason(DisconnectReason reason) {
        try {
            return LivekitModels.DisconnectReason.valueOf(reason.name());
        } catch (IllegalArgumentException notInLiveKit) {
            return LivekitModels.DisconnectReason.UNKNOWN_REASON;
        }
    }

    public static LivekitModels.TrackSource source(TrackSource source) {
        return switch (source) {
            case UNKNOWN -> LivekitModels.TrackSource.UNKNOWN;
            case CAMERA -> LivekitModels.TrackSource.CAMERA;
            case MICROPHONE -> LivekitModels.TrackSource.MICROPHONE;
            case SCREEN_SHARE -> LivekitModels.TrackSource.SCREEN_SHARE;
            case SCREEN_SHARE_AUDIO -> LivekitModels.TrackSource.SCREEN_SHARE_AUDIO;
        };
    }

    /** The media-core source of a wire value; values newer than this server's protocol are {@code UNKNOWN}. */
    public static TrackSource sourceOf(LivekitModels.TrackSource source) {
        return switch (source) {
            case CAMERA -> TrackSource.CAMERA;
            case MICROPHONE -> TrackSource.MICROPHONE;
            case SCREEN_SHARE -> TrackSource.SCREEN_SHARE;
            case SCREEN_SHARE_AUDIO -> TrackSource.SCREEN_SHARE_AUDIO;
            case UNKNOWN, UNRECOGNIZED -> TrackSource.UNKNOWN;
        };
    }

    public static LivekitModels.TrackType type(MediaKind kind) {
        return kind == MediaKind.AUDIO ? LivekitModels.TrackType.AUDIO : LivekitModels.TrackType.VIDEO;
    }

    public static LivekitModels.VideoQuality quality(LayerQuality quality) {
        return switch (quality) {
            case LOW -> LivekitModels.VideoQuality.LOW;
            case MEDIUM -> LivekitModels.VideoQuality.MEDIUM;
            case HIGH -> LivekitModels.VideoQuality.HIGH;
        };
    }

    /** livekit-server's default stream of a source: camera and microphone together, screen and its audio together. */
    static String streamOf(TrackSource source) {
        return switch (source) {
            case CAMERA, MICROPHONE -> "camera";
            case SCREEN_SHARE, SCREEN_SHARE_AUDIO -> "screen";
            case UNKNOWN -> "unknown";
        };
    }

    /** Codecs that carry several spatial layers in one stream (SVC), whose layers are not simulcast. */
    static boolean isSvc(MimeType mimeType) {
        return mimeType.equals(MimeType.VP9) || mimeType.equals(MimeType.AV1);
    }
}
