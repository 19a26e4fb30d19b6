package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.RtcpFb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.ABS_CAPTURE_TIME;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.ABS_SEND_TIME;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.AUDIO_LEVEL;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.DEPENDENCY_DESCRIPTOR;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.FRAMEMARKING;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.MID;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.REPAIRED_RTP_STREAM_ID;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.RTP_STREAM_ID;
import static dev.osprey.signaling.sdp.negotiation.HeaderExtensions.TRANSPORT_CC;
import static dev.osprey.signaling.sdp.negotiation.SupportedFeatures.fb;

/**
 * What the server negotiates: enabled codecs with the payload types it offers them with, whether RTX is paired
 * with video codecs, the largest data channel message it accepts, and per peer connection role the header
 * extensions and RTCP feedback (livekit-protocol.md §4).
 *
 * @param codecs              enabled codecs, in the server's preference order
 * @param rtx                 whether video codecs get an RTX payload type (PT+1 in server offers)
 * @param maxMessageSizeBytes the {@code a=max-message-size} the server writes (RFC 8841 §6)
 */
public record MediaCapabilities(List<CodecCapability> codecs, boolean rtx, long maxMessageSizeBytes,
                                SupportedFeatures publisher, SupportedFeatures subscriber) {

    /** What pion/LiveKit writes for data channel sections. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 262144;

    public MediaCapabilities {
        codecs = List.copyOf(codecs);
        if (maxMessageSizeBytes < 0) {
            throw new IllegalArgumentException("maxMessageSizeBytes must not be negative");
        }
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(subscriber, "subscriber");
    }

    /**
     * LiveKit's defaults restricted to Osprey's codecs: opus (+RED), VP8, H.264 Constrained Baseline with
     * packetization modes 1 and 0 and High, VP9 profiles 0 and 1, AV1, with RTX; receiver-side bandwidth
     * estimation (REMB + abs-send-time) on the subscriber PC.
     */
    public static MediaCapabilities liveKitDefaults() {
        return new MediaCapabilities(liveKitCodecs(), true, DEFAULT_MAX_MESSAGE_SIZE, liveKitPublisher(),
                liveKitSubscriber(false));
    }

    /** The same with send-side bandwidth estimation (transport-cc) on the subscriber PC. */
    public MediaCapabilities withSendSideBwe() {
        return new MediaCapabilities(codecs, rtx, maxMessageSizeBytes, publisher, liveKitSubscriber(true));
    }

    public SupportedFeatures features(Role role) {
        return role == Role.PUBLISHER ? publisher : subscriber;
    }

    /** The enabled codecs of {@code kind}. */
    public List<CodecCapability> codecs(MediaType kind) {
        return codecs.stream().filter(c -> c.codec().kind().equals(kind)).toList();
    }

    /** Whether a codec of that name (e.g. {@code red}) is enabled for {@code kind}. */
    public boolean isEnabled(MediaType kind, String name) {
        return codecs(kind).stream().anyMatch(c -> c.codec().is(name));
    }

    /** livekit-protocol.md §4 codec table. */
    public static List<CodecCapability> liveKitCodecs() {
        List<CodecCapability> list = new ArrayList<>();
        list.add(new CodecCapability(111, new RtpCodec(MediaType.AUDIO, RtpCodec.OPUS, 48000, 2,
                FormatParameters.of("minptime", "10", "useinbandfec", "1"))));
        list.add(new CodecCapability(63, new RtpCodec(MediaType.AUDIO, RtpCodec.RED, 48000, 2,
                FormatParameters.parse("111/111"))));
        list.add(new CodecCapability(96, RtpCodec.of(MediaType.VIDEO, RtpCodec.VP8, 90000, 0)));
        list.add(h264(125, 1, "42e01f"));
        list.add(h264(108, 0, "42e01f"));
        list.add(h264(123, 1, "640032"));
        list.add(new CodecCapability(98, new RtpCodec(MediaType.VIDEO, RtpCodec.VP9, 90000, 0,
                FormatParameters.of("profile-id", "0"))));
        list.add(new CodecCapability(100, new RtpCodec(MediaType.VIDEO, RtpCodec.VP9, 90000, 0,
                FormatParameters.of("profile-id", "1"))));
        list.add(new CodecCapability(35, RtpCodec.of(MediaType.VIDEO, RtpCodec.AV1, 90000, 0)));
        return list;
    }

    private static CodecCapability h264(int pt, int packetizationMode, String profileLevelId) {
        return new CodecCapability(pt, new RtpCodec(MediaType.VIDEO, RtpCodec.H264, 90000, 0, FormatParameters.of(
                "level-asymmetry-allowed", "1", "packetization-mode", Integer.toString(packetizationMode),
                "profile-level-id", profileLevelId)));
    }

    private static SupportedFeatures liveKitPublisher() {
        return new SupportedFeatures(
                List.of(MID, RTP_STREAM_ID, AUDIO_LEVEL, ABS_CAPTURE_TIME),
                List.of(MID, RTP_STREAM_ID, TRANSPORT_CC, FRAMEMARKING, DEPENDENCY_DESCRIPTOR, REPAIRED_RTP_STREAM_ID,
                        ABS_CAPTURE_TIME),
                List.of(fb("nack", null)),
                List.of(fb("transport-cc", null), fb("ccm", "fir"), fb("nack", null), fb("nack", "pli")));
    }

    private static SupportedFeatures liveKitSubscriber(boolean sendSideBwe) {
        List<RtcpFb> video = new ArrayList<>(List.of(fb("ccm", "fir"), fb("nack", null), fb("nack", "pli")));
        video.add(sendSideBwe ? fb("transport-cc", null) : fb("goog-remb", null));
        return new SupportedFeatures(
                List.of(ABS_CAPTURE_TIME),
                List.of(DEPENDENCY_DESCRIPTOR, ABS_CAPTURE_TIME, sendSideBwe ? TRANSPORT_CC : ABS_SEND_TIME),
                List.of(fb("nack", null)),
                video);
    }
}
