package dev.osprey.media.testing;

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
import dev.osprey.media.api.TrackPublishRequest;
import dev.osprey.media.api.TrackSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Negotiated parameters as Chrome publishing to LiveKit and subscribing from it produce them (livekit-protocol §4). */
public final class MediaParameters {
    public static final int PUB_MID = 4;
    public static final int PUB_RID = 10;
    public static final int PUB_RRID = 11;
    public static final int PUB_TWCC = 3;
    public static final int PUB_AUDIO_LEVEL = 1;
    public static final int PUB_CAPTURE_TIME = 7;
    public static final int PUB_DD = 12;
    public static final int SUB_ABS_SEND_TIME = 2;
    public static final int SUB_CAPTURE_TIME = 6;
    public static final int SUB_AUDIO_LEVEL = 5;
    public static final int PUB_VP8 = 96;
    public static final int PUB_RTX = 97;
    public static final int SUB_VP8 = 100;
    public static final int SUB_RTX = 101;
    public static final int OPUS = 111;

    private static final Set<RtcpFeedback> VIDEO_FB = Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI,
            RtcpFeedback.CCM_FIR, RtcpFeedback.TRANSPORT_CC);

    private MediaParameters() {
    }

    public static TrackPublishRequest cameraRequest() {
        return TrackPublishRequest.video("camera-cid", TrackSource.CAMERA, MimeType.VP8, 1280, 720, List.of(
                Encoding.ofRid("q", LayerQuality.LOW, 320, 180), Encoding.ofRid("h", LayerQuality.MEDIUM, 640, 360),
                Encoding.ofRid("f", LayerQuality.HIGH, 1280, 720)));
    }

    public static RtpParameters publishedVideo(String mid) {
        return new RtpParameters(mid, MediaKind.VIDEO, List.of(
                new Codec(MimeType.VP8, PUB_VP8, 90000, 0, FmtpParameters.NONE, VIDEO_FB),
                new Codec(MimeType.RTX, PUB_RTX, 90000, 0, FmtpParameters.of(Map.of("apt", "96")), Set.of())),
                List.of(new HeaderExtension(HeaderExtensionUri.MID, PUB_MID),
                        new HeaderExtension(HeaderExtensionUri.RTP_STREAM_ID, PUB_RID),
                        new HeaderExtension(HeaderExtensionUri.REPAIRED_RTP_STREAM_ID, PUB_RRID),
                        new HeaderExtension(HeaderExtensionUri.TRANSPORT_WIDE_CC, PUB_TWCC),
                        new HeaderExtension(HeaderExtensionUri.ABS_CAPTURE_TIME, PUB_CAPTURE_TIME),
                        new HeaderExtension(HeaderExtensionUri.DEPENDENCY_DESCRIPTOR, PUB_DD)),
                List.of(Encoding.ofRid("q", LayerQuality.LOW, 0, 0), Encoding.ofRid("h", LayerQuality.MEDIUM, 0, 0),
                        Encoding.ofRid("f", LayerQuality.HIGH, 0, 0)),
                "pubcname", "stream", "camera-cid");
    }

    /** What a subscriber answers for a VP8 track; {@code rtx} decides whether it negotiated RFC 4588. */
    public static RtpParameters subscribedVideo(String mid, boolean rtx) {
        List<Codec> codecs = rtx
                ? List.of(new Codec(MimeType.VP8, SUB_VP8, 90000, 0, FmtpParameters.NONE,
                        Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.GOOG_REMB)),
                new Codec(MimeType.RTX, SUB_RTX, 90000, 0, FmtpParameters.of(Map.of("apt", "100")), Set.of()))
                : List.of(new Codec(MimeType.VP8, SUB_VP8, 90000, 0, FmtpParameters.NONE,
                        Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.GOOG_REMB)));
        return new RtpParameters(mid, MediaKind.VIDEO, codecs,
                List.of(new HeaderExtension(HeaderExtensionUri.ABS_SEND_TIME, SUB_ABS_SEND_TIME),
                        new HeaderExtension(HeaderExtensionUri.ABS_CAPTURE_TIME, SUB_CAPTURE_TIME),
                        new HeaderExtension(HeaderExtensionUri.DEPENDENCY_DESCRIPTOR, 9)),
                List.of(), "", "", "");
    }

    public static RtpParameters publishedAudio(String mid) {
        return new RtpParameters(mid, MediaKind.AUDIO,
                List.of(new Codec(MimeType.OPUS, OPUS, 48000, 2, FmtpParameters.of(Map.of("useinbandfec", "1")),
                        Set.of(RtcpFeedback.NACK, RtcpFeedback.TRANSPORT_CC))),
                List.of(new HeaderExtension(HeaderExtensionUri.MID, PUB_MID),
                        new HeaderExtension(HeaderExtensionUri.AUDIO_LEVEL, PUB_AUDIO_LEVEL),
                        new HeaderExtension(HeaderExtensionUri.TRANSPORT_WIDE_CC, PUB_TWCC)),
                List.of(), "pubcname", "stream", "mic-cid");
    }

    public static RtpParameters subscribedAudio(String mid) {
        return new RtpParameters(mid, MediaKind.AUDIO,
                List.of(new Codec(MimeType.OPUS, OPUS, 48000, 2, FmtpParameters.NONE, Set.of(RtcpFeedback.NACK))),
                List.of(new HeaderExtension(HeaderExtensionUri.AUDIO_LEVEL, SUB_AUDIO_LEVEL)), List.of(), "", "", "");
    }
}
