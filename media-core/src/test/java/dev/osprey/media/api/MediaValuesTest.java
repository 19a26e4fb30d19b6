package dev.osprey.media.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaValuesTest {

    @Test
    void mimeTypesCompareEncodingNamesCaseInsensitivelyAndKeepUnknownOnes() {
        assertThat(MimeType.parse("video/vp8")).isSameAs(MimeType.VP8);
        assertThat(MimeType.parse("audio/OPUS")).isSameAs(MimeType.OPUS);
        assertThat(MimeType.parse("video/rtx")).isSameAs(MimeType.RTX).matches(MimeType::isRtx);
        MimeType g722 = MimeType.parse("audio/G722");
        assertThat(g722).isEqualTo(MimeType.of(MediaKind.AUDIO, "g722")).hasSameHashCodeAs(MimeType.of(MediaKind.AUDIO, "g722"));
        assertThat(g722.toString()).isEqualTo("audio/G722");
        assertThat(MimeType.of(MediaKind.AUDIO, "VP8")).isNotEqualTo(MimeType.VP8);
        assertThatThrownBy(() -> MimeType.parse("vp8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MimeType.parse("text/plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MimeType.of(MediaKind.VIDEO, "a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fmtpParametersAreCaseInsensitiveAndTyped() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("APT", "96");
        raw.put("profile-level-id", "42e01f");
        raw.put("useinbandfec", "1");
        FmtpParameters fmtp = FmtpParameters.of(raw);
        assertThat(fmtp.associatedPayloadType()).hasValue(96);
        assertThat(fmtp.get("Profile-Level-Id")).isEqualTo("42e01f");
        assertThat(fmtp.intValue(FmtpParameters.PROFILE_LEVEL_ID)).isEmpty();
        assertThat(fmtp.flag(FmtpParameters.USE_INBAND_FEC)).isTrue();
        assertThat(fmtp.toString()).isEqualTo("APT=96;profile-level-id=42e01f;useinbandfec=1");
        assertThat(FmtpParameters.of(Map.of("apt", "200")).associatedPayloadType()).isEmpty();
        assertThat(FmtpParameters.of(Map.of())).isSameAs(FmtpParameters.NONE);
        assertThatThrownBy(() -> FmtpParameters.of(Map.of("a=b", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FmtpParameters.of(Map.of("a", "1;b=2"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codecsRejectRtcpCollidingPayloadTypesAndRtxWithoutApt() {
        assertThatThrownBy(() -> Codec.of(MimeType.VP8, 72, 90000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Codec.of(MimeType.VP8, 128, 90000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Codec.of(MimeType.RTX, 97, 90000, 0)).isInstanceOf(IllegalArgumentException.class);
        Codec rtx = new Codec(MimeType.RTX, 97, 90000, 0, FmtpParameters.of(Map.of("apt", "96")), Set.of());
        assertThat(rtx.associatedPayloadType()).hasValue(96);
        assertThat(Codec.of(MimeType.VP8, 96, 90000, 0).associatedPayloadType()).isEmpty();
    }

    @Test
    void rtpParametersFindCodecsRtxAndExtensionIds() {
        Codec vp8 = new Codec(MimeType.VP8, 96, 90000, 0, FmtpParameters.NONE,
                Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI));
        Codec rtx = new Codec(MimeType.RTX, 97, 90000, 0, FmtpParameters.of(Map.of("apt", "96")), Set.of());
        RtpParameters p = new RtpParameters("1", MediaKind.VIDEO, List.of(rtx, vp8),
                List.of(new HeaderExtension(HeaderExtensionUri.MID, 4),
                        new HeaderExtension(HeaderExtensionUri.of("urn:example:x"), 20)),
                List.of(Encoding.ofRid("q", LayerQuality.LOW, 320, 180), Encoding.ofRid("f", LayerQuality.HIGH, 1280, 720)),
                "cname", "stream", "track");
        assertThat(p.primaryCodec()).contains(vp8);
        assertThat(p.rtxPayloadTypeFor(96)).hasValue(97);
        assertThat(p.rtxPayloadTypeFor(111)).isEmpty();
        assertThat(p.extensionId(HeaderExtensionUri.MID)).hasValue(4);
        assertThat(p.extensionId(HeaderExtensionUri.of("urn:example:x"))).hasValue(20);
        assertThat(p.extensionId(HeaderExtensionUri.AUDIO_LEVEL)).isEmpty();
        assertThat(p.acceptsFeedback(RtcpFeedback.NACK_PLI)).isTrue();
        assertThat(p.acceptsFeedback(RtcpFeedback.CCM_FIR)).isFalse();
        assertThat(p.codec(97)).contains(rtx);
    }

    @Test
    void rtpParametersRejectDuplicatesAndMixedKinds() {
        Codec vp8 = Codec.of(MimeType.VP8, 96, 90000, 0);
        assertThatThrownBy(() -> new RtpParameters("0", MediaKind.VIDEO, List.of(vp8, Codec.of(MimeType.VP9, 96, 90000, 0)),
                List.of(), List.of(), "", "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpParameters("0", MediaKind.VIDEO, List.of(vp8),
                List.of(new HeaderExtension(HeaderExtensionUri.MID, 1), new HeaderExtension(HeaderExtensionUri.AUDIO_LEVEL, 1)),
                List.of(), "", "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpParameters("0", MediaKind.AUDIO, List.of(vp8), List.of(), List.of(), "", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpParameters("0", MediaKind.VIDEO, List.of(vp8), List.of(),
                List.of(Encoding.ofSsrc(5, 6), Encoding.ofSsrc(6, 7)), "", "", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodingsAndExtensionsValidateTheirRanges() {
        assertThatThrownBy(() -> Encoding.ofSsrc(1L << 32, Encoding.UNKNOWN_SSRC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Encoding.ofRid("a b", LayerQuality.LOW, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Encoding.ofSsrc(0xFFFFFFFFL, Encoding.UNKNOWN_SSRC).hasRtxSsrc()).isFalse();
        assertThatThrownBy(() -> new HeaderExtension(HeaderExtensionUri.MID, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderExtension(HeaderExtensionUri.MID, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HeaderExtensionUri.of("urn:ietf:params:rtp-hdrext:sdes:mid")).isSameAs(HeaderExtensionUri.MID);
        assertThatThrownBy(() -> HeaderExtensionUri.of("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(LayerQuality.fromDefaultRid("q")).isEqualTo(LayerQuality.LOW);
        assertThat(LayerQuality.fromDefaultRid("h")).isEqualTo(LayerQuality.MEDIUM);
        assertThat(LayerQuality.fromDefaultRid("f")).isEqualTo(LayerQuality.HIGH);
    }

    @Test
    void permissionsRestrictSources() {
        ParticipantPermission cameraOnly = new ParticipantPermission(true, true, true, Set.of(TrackSource.CAMERA), false, false);
        assertThat(cameraOnly.allowsPublishing(TrackSource.CAMERA)).isTrue();
        assertThat(cameraOnly.allowsPublishing(TrackSource.MICROPHONE)).isFalse();
        assertThat(ParticipantPermission.DEFAULT.allowsPublishing(TrackSource.SCREEN_SHARE)).isTrue();
        assertThat(new ParticipantPermission(true, false, true, Set.of(), false, false).allowsPublishing(TrackSource.CAMERA)).isFalse();
    }

    @Test
    void roomSettingsAdmitUpToTheLimit() {
        assertThat(new RoomSettings(1, 1, 2).admits(2)).isTrue();
        assertThat(new RoomSettings(1, 1, 2).admits(3)).isFalse();
        assertThat(RoomSettings.DEFAULT.admits(10_000)).isTrue();
        assertThatThrownBy(() -> new RoomSettings(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
