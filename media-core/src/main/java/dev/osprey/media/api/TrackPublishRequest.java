package dev.osprey.media.api;

import java.util.List;
import java.util.Objects;

/**
 * A participant's request to publish a track (LiveKit AddTrackRequest, livekit-protocol.md §2.5), typed.
 *
 * @param clientTrackId the client's local track id ({@code cid}); also the msid track id of its offer
 * @param name          the track's name, empty when none
 * @param kind          audio or video
 * @param source        camera, microphone, screen share...
 * @param mimeType      the codec the client intends to send (e.g. {@link MimeType#VP8}), used in TrackInfo until the
 *                      offer is negotiated
 * @param width         video width in pixels (0 for audio)
 * @param height        video height in pixels (0 for audio)
 * @param muted         published muted
 * @param layers        the simulcast layers (rid, quality, dimensions), empty for a single stream
 * @param stereo        stereo audio
 * @param disableDtx    Opus DTX disabled
 * @param disableRed    RED disabled for this audio track
 * @param stream        the application's stream name, empty when none
 */
public record TrackPublishRequest(String clientTrackId, String name, MediaKind kind, TrackSource source,
                                  MimeType mimeType, int width, int height, boolean muted, List<Encoding> layers,
                                  boolean stereo, boolean disableDtx, boolean disableRed, String stream) {
    public TrackPublishRequest {
        Objects.requireNonNull(clientTrackId, "clientTrackId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(stream, "stream");
        layers = List.copyOf(layers);
        if (clientTrackId.isEmpty()) {
            throw new IllegalArgumentException("a published track needs the client's track id");
        }
        if (mimeType.kind() != kind) {
            throw new IllegalArgumentException(mimeType + " for a " + kind + " track");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative dimensions");
        }
    }

    /** A minimal audio request. */
    public static TrackPublishRequest audio(String clientTrackId, TrackSource source) {
        return new TrackPublishRequest(clientTrackId, "", MediaKind.AUDIO, source, MimeType.OPUS, 0, 0, false,
                List.of(), false, false, false, "");
    }

    /** A video request with the given simulcast layers. */
    public static TrackPublishRequest video(String clientTrackId, TrackSource source, MimeType mimeType, int width,
                                            int height, List<Encoding> layers) {
        return new TrackPublishRequest(clientTrackId, "", MediaKind.VIDEO, source, mimeType, width, height, false,
                layers, false, false, false, "");
    }
}
