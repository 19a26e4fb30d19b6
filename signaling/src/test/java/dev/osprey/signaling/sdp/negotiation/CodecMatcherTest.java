package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.FormatParameters;
import dev.osprey.signaling.sdp.MediaType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodecMatcherTest {

    private static RtpCodec video(String name, String fmtp) {
        return new RtpCodec(MediaType.VIDEO, name, 90000, 0, FormatParameters.parse(fmtp));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            // lenient H.264 (livekit-protocol.md §10.11): profile_idc + packetization-mode only
            "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f|packetization-mode=1;profile-level-id=42001f|true",
            "packetization-mode=1;profile-level-id=42e01f|packetization-mode=1;profile-level-id=42e034|true",
            "packetization-mode=1;profile-level-id=42e01f|packetization-mode=0;profile-level-id=42e01f|false",
            "packetization-mode=0;profile-level-id=42e01f|profile-level-id=42e01f|true",
            "packetization-mode=1;profile-level-id=42e01f|profile-level-id=4d001f;packetization-mode=1|false",
            "packetization-mode=1;profile-level-id=640032|packetization-mode=1;profile-level-id=640c34|true",
            "packetization-mode=1;profile-level-id=42e01f|packetization-mode=1;profile-level-id=f4001f|false",
            "packetization-mode=0;profile-level-id=42e01f|''|true",
            "packetization-mode=1;profile-level-id=42e01f|packetization-mode=1;profile-level-id=zz001f|false",
            "packetization-mode=1;profile-level-id=42e01f|packetization-mode=x;profile-level-id=42e01f|false",
            "packetization-mode=1;profile-level-id=42e01f|PACKETIZATION-MODE=1;Profile-Level-Id=42E01F|true",
    })
    void h264(String enabled, String offered, boolean expected) {
        assertThat(CodecMatcher.matches(video("H264", enabled), video("h264", offered))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} ~ {2} = {3}")
    @CsvSource(delimiter = '|', value = {
            "VP9|profile-id=0|''|true",
            "VP9|profile-id=0|profile-id=0|true",
            "VP9|profile-id=0|profile-id=2|false",
            "VP9|profile-id=1|profile-id=1|true",
            "AV1|''|level-idx=5;profile=0;tier=0|true",
            "AV1|''|level-idx=5;profile=1;tier=0|false",
            "H265|''|profile-id=1|true",
            "H265|''|profile-id=2|false",
            "VP8|''|anything=1|true",
    })
    void profileParameters(String name, String enabled, String offered, boolean expected) {
        assertThat(CodecMatcher.matches(video(name, enabled), video(name, offered))).isEqualTo(expected);
    }

    @Test
    void namesClockRatesAndChannels() {
        RtpCodec opus = RtpCodec.of(MediaType.AUDIO, "opus", 48000, 2);
        assertThat(CodecMatcher.matches(opus, RtpCodec.of(MediaType.AUDIO, "OPUS", 48000, 2))).isTrue();
        assertThat(CodecMatcher.matches(opus, RtpCodec.of(MediaType.AUDIO, "opus", 48000, 0))).isFalse();
        assertThat(CodecMatcher.matches(opus, RtpCodec.of(MediaType.AUDIO, "opus", 16000, 2))).isFalse();
        assertThat(CodecMatcher.matches(opus, RtpCodec.of(MediaType.VIDEO, "opus", 48000, 2))).isFalse();
        RtpCodec pcmu = RtpCodec.of(MediaType.AUDIO, "PCMU", 8000, 0);
        assertThat(CodecMatcher.matches(pcmu, RtpCodec.of(MediaType.AUDIO, "PCMU", 8000, 1))).isTrue();
        assertThat(CodecMatcher.matches(video("VP8", ""), video("VP9", ""))).isFalse();
    }

    @Test
    void profileLevelIdParsing() {
        assertThat(H264ProfileLevelId.parse("42e01f")).contains(new H264ProfileLevelId(0x42, 0xe0, 0x1f));
        assertThat(H264ProfileLevelId.parse("640C34").orElseThrow().format()).isEqualTo("640c34");
        assertThat(H264ProfileLevelId.parse("42e01")).isEmpty();
        assertThat(H264ProfileLevelId.parse("42e01g")).isEmpty();
        assertThat(H264ProfileLevelId.parse(null)).isEmpty();
    }
}
