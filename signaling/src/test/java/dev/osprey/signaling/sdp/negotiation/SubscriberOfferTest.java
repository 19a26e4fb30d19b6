package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.Flag;
import dev.osprey.signaling.sdp.Group;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.Msid;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.RtcpFb;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Setup;
import dev.osprey.signaling.sdp.Ssrc;
import dev.osprey.signaling.sdp.SsrcGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriberOfferTest {

    private static final MediaCapabilities LIVEKIT = MediaCapabilities.liveKitDefaults();

    static SessionDescription liveKitStyleOffer() {
        return SubscriberOffer.offer(Origin.of(99, 3), Fixtures.liteTransport(), LIVEKIT, List.of(
                new SubscriberSection.DataChannel("0"),
                SubscriberSection.Track.sending("1", MediaType.AUDIO, PackedStreamId.msid("PA_alice", "TR_mic"),
                        SubscriberOffer.codecsFor(LIVEKIT, "audio/opus"), 1111, -1, "alice"),
                SubscriberSection.Track.sending("2", MediaType.VIDEO, PackedStreamId.msid("PA_alice", "TR_cam"),
                        SubscriberOffer.codecsFor(LIVEKIT, "video/VP8"), 2222, 3333, "alice"),
                SubscriberSection.Track.inactive("3", MediaType.VIDEO, SubscriberOffer.codecsFor(LIVEKIT, "video/VP8"))));
    }

    @Test
    void sessionLevel() {
        SessionDescription offer = liveKitStyleOffer();
        assertThat(SessionDescription.parse(offer.toSdp())).isEqualTo(offer);
        assertThat(offer.bundleGroups()).containsExactly(Group.bundle(List.of("0", "1", "2", "3")));
        assertThat(offer.isIceLite()).isTrue();
        assertThat(offer.media()).allSatisfy(m -> assertThat(m.setup()).contains(Setup.ACTPASS));
        assertThat(offer.media().get(0).media()).isEqualTo(MediaType.APPLICATION);
        assertThat(offer.media().get(0).candidates()).hasSize(2);
        assertThat(offer.media().subList(1, 4)).allSatisfy(m -> {
            assertThat(m.candidates()).isEmpty();
            assertThat(m.has(Flag.RTCP_MUX)).isTrue();
            assertThat(m.has(Flag.RTCP_RSIZE)).isTrue();
        });
    }

    @Test
    void audioTrack() {
        MediaDescription audio = liveKitStyleOffer().media().get(1);
        assertThat(audio.direction()).contains(Direction.SENDONLY);
        assertThat(audio.msids()).containsExactly(new Msid("PA_alice|TR_mic", "TR_mic"));
        assertThat(audio.mediaLine().formats()).containsExactly("111");
        assertThat(audio.rtcpFeedback(111)).containsExactly(RtcpFb.of(111, "nack"));
        assertThat(audio.extMaps()).containsExactly(ExtMap.of(6, HeaderExtensions.ABS_CAPTURE_TIME));
        assertThat(audio.ssrcGroups()).isEmpty();
        assertThat(audio.ssrcs()).containsExactly(new Ssrc(1111, "cname", "alice"),
                new Ssrc(1111, "msid", "PA_alice|TR_mic TR_mic"));
    }

    @Test
    void videoTrackWithRtx() {
        MediaDescription video = liveKitStyleOffer().media().get(2);
        assertThat(video.mediaLine().formats()).containsExactly("96", "97");
        assertThat(video.formatParameters(97).get("apt")).contains("96");
        assertThat(video.rtcpFeedback(96)).extracting(RtcpFb::lineValue).containsExactly("rtcp-fb:96 ccm fir",
                "rtcp-fb:96 nack", "rtcp-fb:96 nack pli", "rtcp-fb:96 goog-remb");
        assertThat(video.extMaps()).containsExactly(ExtMap.of(9, HeaderExtensions.DEPENDENCY_DESCRIPTOR),
                ExtMap.of(6, HeaderExtensions.ABS_CAPTURE_TIME), ExtMap.of(5, HeaderExtensions.ABS_SEND_TIME));
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup(SsrcGroup.FID, List.of(2222L, 3333L)));
        assertThat(video.ssrcs()).extracting(Ssrc::ssrc).containsExactly(2222L, 2222L, 3333L, 3333L);
    }

    @Test
    void inactiveSectionCarriesNoTrack() {
        MediaDescription recycled = liveKitStyleOffer().media().get(3);
        assertThat(recycled.direction()).contains(Direction.INACTIVE);
        assertThat(recycled.msids()).isEmpty();
        assertThat(recycled.ssrcs()).isEmpty();
        assertThat(recycled.isRejected()).isFalse();
    }

    @Test
    void midToTrackIdAndPackedStreamIds() {
        SessionDescription offer = liveKitStyleOffer();
        assertThat(SignalledTrack.midToTrackId(offer)).isEqualTo(Map.of("1", "TR_mic", "2", "TR_cam"));
        assertThat(SignalledTrack.of(offer).get(0).packedStreamId())
                .contains(new PackedStreamId("PA_alice", "TR_mic"));
    }

    @Test
    void codecChoices() {
        assertThat(SubscriberOffer.codecsFor(LIVEKIT, "audio/red")).satisfies(red -> {
            assertThat(red).extracting(NegotiatedCodec::payloadType).containsExactly(63, 111);
            assertThat(red).allSatisfy(c -> assertThat(c.feedback()).as("no NACK on RED transceivers").isEmpty());
        });
        assertThat(SubscriberOffer.codecsFor(LIVEKIT, "video/h264")).as("High profile is not offered")
                .extracting(NegotiatedCodec::payloadType, NegotiatedCodec::rtxPayloadType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(125, 126),
                        org.assertj.core.groups.Tuple.tuple(108, 109));
        assertThat(SubscriberOffer.codecsFor(LIVEKIT, "video/VP9")).extracting(NegotiatedCodec::payloadType)
                .containsExactly(98, 100);
        assertThat(SubscriberOffer.codecsFor(LIVEKIT, "video/AV1")).extracting(NegotiatedCodec::rtxPayloadType)
                .containsExactly(36);
        assertThat(SubscriberOffer.codecsFor(LIVEKIT, "video/H265")).isEmpty();
        assertThat(SubscriberOffer.codecsFor(LIVEKIT.withSendSideBwe(), "video/VP8").get(0)
                .hasFeedback("transport-cc", null)).isTrue();
    }

    @Test
    void dataChannelOnlyOfferConnectsBeforeMedia() {
        SessionDescription offer = SubscriberOffer.offer(Origin.of(1, 1), Fixtures.liteTransport(), LIVEKIT,
                List.of(new SubscriberSection.DataChannel("0")));
        assertThat(offer.media()).singleElement().satisfies(m -> {
            assertThat(m.mediaLine().proto()).isEqualTo("UDP/DTLS/SCTP");
            assertThat(m.mid()).contains("0");
        });
        assertThat(SessionDescription.parse(offer.toSdp())).isEqualTo(offer);
    }

    @Test
    void activeTracksNeedTheirLabels() {
        List<NegotiatedCodec> vp8 = SubscriberOffer.codecsFor(LIVEKIT, "video/VP8");
        assertThatThrownBy(() -> SubscriberSection.Track.sending("1", MediaType.VIDEO, null, vp8, 1, -1, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubscriberSection.Track.sending("1", MediaType.VIDEO,
                PackedStreamId.msid("PA_a", "TR_b"), List.of(), 1, -1, "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
