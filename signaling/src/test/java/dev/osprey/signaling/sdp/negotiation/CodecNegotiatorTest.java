package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.CapturedSdp;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.RtcpFb;
import dev.osprey.signaling.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodecNegotiatorTest {

    private static final MediaCapabilities LIVEKIT = MediaCapabilities.liveKitDefaults();

    private static MediaDescription section(String file, int index) {
        return CapturedSdp.parse(file).media().get(index);
    }

    private static MediaDescription section(String mLineAndAttributes) {
        return SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + mLineAndAttributes)
                .media().get(0);
    }

    @Test
    void chromiumAudioKeepsOpusAndRedWithTheOfferersPayloadTypes() {
        List<NegotiatedCodec> codecs = CodecNegotiator.negotiate(section(CapturedSdp.PUBLISHER_OFFER, 0), LIVEKIT,
                Role.PUBLISHER);
        assertThat(codecs).extracting(NegotiatedCodec::payloadType).containsExactly(111, 63);
        assertThat(codecs.get(0).codec().mimeType()).isEqualTo("audio/opus");
        assertThat(codecs.get(0).codec().parameters().format()).isEqualTo("minptime=10;useinbandfec=1");
        assertThat(codecs.get(0).feedback()).as("Chromium offers only transport-cc for opus; publisher audio "
                + "supports only nack").isEmpty();
        assertThat(codecs.get(1).codec().isRed()).isTrue();
        assertThat(codecs).noneMatch(NegotiatedCodec::hasRtx);
    }

    @Test
    void chromiumVideoKeepsEnabledCodecsWithRtxPairingAndSupportedFeedback() {
        List<NegotiatedCodec> codecs = CodecNegotiator.negotiate(section(CapturedSdp.PUBLISHER_OFFER, 1), LIVEKIT,
                Role.PUBLISHER);
        // 96 VP8, 102/104 H.264 42001f pm1/pm0 (lenient), 108/114 42e01f pm1/pm0, 45 AV1 profile 0, 98 VP9 profile 0;
        // 116/39 (Main), 100 (VP9 profile 2), 118 red, 120 ulpfec are not enabled
        assertThat(codecs).extracting(NegotiatedCodec::payloadType).containsExactly(96, 102, 104, 108, 114, 45, 98);
        assertThat(codecs).extracting(NegotiatedCodec::rtxPayloadType).containsExactly(97, 103, 107, 109, 115, 46, 99);
        assertThat(codecs.get(0).feedback()).extracting(RtcpFb::lineValue).containsExactly(
                "rtcp-fb:96 transport-cc", "rtcp-fb:96 ccm fir", "rtcp-fb:96 nack", "rtcp-fb:96 nack pli");
        assertThat(codecs.get(1).codec().parameters().get("profile-level-id")).contains("42001f");
        assertThat(CodecNegotiator.formats(codecs)).containsExactly("96", "97", "102", "103", "104", "107", "108",
                "109", "114", "115", "45", "46", "98", "99");
    }

    @Test
    void recvonlyOfferKeepsVp9ProfileOneButNotAv1ProfileOne() {
        List<NegotiatedCodec> codecs = CodecNegotiator.negotiate(section(CapturedSdp.RECVONLY_OFFER, 1), LIVEKIT,
                Role.PUBLISHER);
        assertThat(codecs).extracting(NegotiatedCodec::payloadType).contains(35, 45).doesNotContain(47, 41, 43, 49);
    }

    @Test
    void subscriberRoleUsesSubscriberFeedback() {
        List<NegotiatedCodec> codecs = CodecNegotiator.negotiate(section(CapturedSdp.PUBLISHER_OFFER, 1), LIVEKIT,
                Role.SUBSCRIBER);
        assertThat(codecs.get(0).feedback()).extracting(RtcpFb::lineValue).containsExactly(
                "rtcp-fb:96 goog-remb", "rtcp-fb:96 ccm fir", "rtcp-fb:96 nack", "rtcp-fb:96 nack pli");
        List<NegotiatedCodec> sendSide = CodecNegotiator.negotiate(section(CapturedSdp.PUBLISHER_OFFER, 1),
                LIVEKIT.withSendSideBwe(), Role.SUBSCRIBER);
        assertThat(sendSide.get(0).hasFeedback("transport-cc", null)).isTrue();
        assertThat(sendSide.get(0).hasFeedback("goog-remb", null)).isFalse();
    }

    @Test
    void redNeedsItsPrimaryAndRtxNeedsItsApt() {
        List<NegotiatedCodec> codecs = CodecNegotiator.negotiate(section("""
                m=audio 9 UDP/TLS/RTP/SAVPF 63 8 111\r
                a=rtpmap:63 red/48000/2\r
                a=fmtp:63 8/8\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:111 opus/48000/2\r
                a=rtcp-fb:* nack\r
                """), LIVEKIT, Role.PUBLISHER);
        assertThat(codecs).extracting(NegotiatedCodec::payloadType).as("RED over PCMA, which is not enabled")
                .containsExactly(111);
        assertThat(codecs.get(0).feedback()).as("wildcard feedback, with the codec's PT")
                .containsExactly(RtcpFb.of(111, "nack"));

        List<NegotiatedCodec> video = CodecNegotiator.negotiate(section("""
                m=video 9 UDP/TLS/RTP/SAVPF 97 96 99 120 121\r
                a=rtpmap:97 rtx/90000\r
                a=fmtp:97 apt=96\r
                a=rtpmap:96 VP8/90000\r
                a=rtpmap:99 rtx/90000\r
                a=fmtp:99 apt=98\r
                a=rtpmap:120 rtx/90000\r
                a=fmtp:120 apt=x\r
                a=rtpmap:121 rtx/90000\r
                a=fmtp:121 apt=96\r
                """), LIVEKIT, Role.PUBLISHER);
        assertThat(video).singleElement().satisfies(c -> {
            assertThat(c.payloadType()).isEqualTo(96);
            assertThat(c.rtxPayloadType()).as("first RTX whose apt names it").isEqualTo(97);
        });
    }

    @Test
    void rtxOffWhenDisabled() {
        MediaCapabilities noRtx = new MediaCapabilities(LIVEKIT.codecs(), false, 65536, LIVEKIT.publisher(),
                LIVEKIT.subscriber());
        assertThat(CodecNegotiator.negotiate(section(CapturedSdp.PUBLISHER_OFFER, 1), noRtx, Role.PUBLISHER))
                .isNotEmpty().noneMatch(NegotiatedCodec::hasRtx);
    }

    @Test
    void nothingForDataChannelsOrUnknownCodecs() {
        assertThat(CodecNegotiator.negotiate(section(CapturedSdp.DATA_CHANNEL_OFFER, 0), LIVEKIT, Role.PUBLISHER))
                .isEmpty();
        assertThat(CodecNegotiator.negotiate(section("m=audio 9 UDP/TLS/RTP/SAVPF 9 100\r\na=rtpmap:9 G722/8000\r\n"),
                LIVEKIT, Role.PUBLISHER)).as("G722 not enabled, 100 has no rtpmap").isEmpty();
        assertThat(CodecNegotiator.redPrimaries(RtpCodec.of(dev.osprey.signaling.sdp.MediaType.AUDIO, "red", 48000,
                2))).isEmpty();
    }
}
