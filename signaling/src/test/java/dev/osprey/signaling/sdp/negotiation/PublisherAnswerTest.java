package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.CapturedSdp;
import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.ExtMap;
import dev.osprey.signaling.sdp.Flag;
import dev.osprey.signaling.sdp.Group;
import dev.osprey.signaling.sdp.MaxMessageSize;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.Rid;
import dev.osprey.signaling.sdp.SctpPort;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Setup;
import dev.osprey.signaling.sdp.Simulcast;
import dev.osprey.signaling.sdp.StreamDirection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublisherAnswerTest {

    private static final MediaCapabilities LIVEKIT = MediaCapabilities.liveKitDefaults();
    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private static PublisherAnswer.Result answer(SessionDescription offer) {
        PublisherAnswer.Result result = PublisherAnswer.answer(offer, Origin.of(77, 1), Fixtures.liteTransport(),
                LIVEKIT);
        assertThat(SessionDescription.parse(result.answer().toSdp())).as("the answer is valid SDP")
                .isEqualTo(result.answer());
        return result;
    }

    @Test
    void answersChromiumsPublisherOffer() {
        PublisherAnswer.Result result = answer(CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER));
        SessionDescription sdp = result.answer();
        assertThat(sdp.bundleGroups()).containsExactly(Group.bundle(List.of("0", "1", "2", "3", "4")));
        assertThat(sdp.isIceLite()).isTrue();
        assertThat(sdp.has(Flag.EXTMAP_ALLOW_MIXED)).isTrue();
        assertThat(sdp.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2", "3", "4");
        assertThat(sdp.media()).allSatisfy(m -> {
            assertThat(m.isRejected()).isFalse();
            assertThat(m.setup()).contains(Setup.ACTIVE);
            assertThat(m.iceUfrag()).contains(Fixtures.liteTransport().ufrag());
            assertThat(m.fingerprints()).isEqualTo(Fixtures.liteTransport().fingerprints());
        });
        assertThat(sdp.media()).extracting(sdp::direction).containsExactly(Direction.RECVONLY, Direction.RECVONLY,
                Direction.INACTIVE, Direction.INACTIVE, Direction.SENDRECV);
        assertThat(sdp.media().get(0).candidates()).containsExactly(Fixtures.UDP, Fixtures.TCP);
        assertThat(sdp.media().get(0).has(Flag.END_OF_CANDIDATES)).isTrue();
        assertThat(sdp.media().subList(1, 5)).allSatisfy(m -> assertThat(m.candidates()).isEmpty());
    }

    @Test
    void audioSectionOfTheAnswer() {
        MediaDescription audio = answer(CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER)).answer().media().get(0);
        assertThat(audio.mediaLine().formats()).containsExactly("111", "63");
        assertThat(audio.extMaps()).containsExactly(ExtMap.of(1, HeaderExtensions.AUDIO_LEVEL),
                ExtMap.of(4, HeaderExtensions.MID));
        assertThat(audio.has(Flag.RTCP_MUX)).isTrue();
        assertThat(audio.has(Flag.RTCP_RSIZE)).isTrue();
        assertThat(audio.formatParameters(63).format()).isEqualTo("111/111");
        assertThat(audio.msids()).as("the server sends nothing on the publisher PC").isEmpty();
    }

    @Test
    void simulcastVideoIsReceivedWithRids() {
        PublisherAnswer.Result result = answer(CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER));
        MediaDescription video = result.answer().media().get(1);
        assertThat(video.rids()).containsExactly(Rid.of("q", StreamDirection.RECV), Rid.of("h", StreamDirection.RECV),
                Rid.of("f", StreamDirection.RECV));
        assertThat(video.simulcast()).contains(new Simulcast(List.of(),
                List.of(Simulcast.Layer.of("q"), Simulcast.Layer.of("h"), Simulcast.Layer.of("f"))));
        assertThat(video.extMaps()).extracting(ExtMap::uri).containsExactly(HeaderExtensions.TRANSPORT_CC,
                HeaderExtensions.MID, HeaderExtensions.RTP_STREAM_ID, HeaderExtensions.REPAIRED_RTP_STREAM_ID,
                HeaderExtensions.DEPENDENCY_DESCRIPTOR);
        assertThat(video.formatParameters(97).get("apt")).contains("96");
        NegotiatedMedia media = result.media().get(1);
        assertThat(media.mid()).isEqualTo("1");
        assertThat(media.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(media.layers()).extracting(SimulcastLayer::ridId, SimulcastLayer::quality).containsExactly(
                org.assertj.core.groups.Tuple.tuple("q", 0), org.assertj.core.groups.Tuple.tuple("h", 1),
                org.assertj.core.groups.Tuple.tuple("f", 2));
        assertThat(media.extensionId(HeaderExtensions.RTP_STREAM_ID)).isEqualTo(10);
        assertThat(media.extensionId(HeaderExtensions.ABS_SEND_TIME)).isZero();
        assertThat(media.remote().trackId()).as("AddTrackRequest.cid").isEqualTo("6fd05c49-c0ee-43ea-a081-770166e0a0fa");
    }

    @Test
    void typedResultPerSection() {
        PublisherAnswer.Result result = answer(CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER));
        assertThat(result.media()).extracting(NegotiatedMedia::mid).containsExactly("0", "1", "2", "3");
        assertThat(result.media().get(0).remote().trackId()).isEqualTo("10ec38f2-7add-4968-bfc3-1efd5c6272ab");
        assertThat(result.media().get(0).layers()).isEmpty();
        assertThat(result.media().get(2).direction()).isEqualTo(Direction.INACTIVE);
        assertThat(result.dataChannel()).contains(new NegotiatedDataChannel("4", 5000, 262144));
        MediaDescription application = result.answer().media().get(4);
        assertThat(application.attribute(SctpPort.class)).contains(SctpPort.DEFAULT);
        assertThat(application.attribute(MaxMessageSize.class)).contains(new MaxMessageSize(262144));
    }

    @Test
    void rejectsWhatCannotBeCarried() {
        SessionDescription offer = SessionDescription.parse(HEAD + "a=group:BUNDLE a b c d e\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 9\r\na=mid:a\r\na=rtcp-mux\r\na=rtpmap:9 G722/8000\r\n"
                + "m=audio 9 RTP/AVP 111\r\na=mid:b\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:c\r\na=rtpmap:111 opus/48000/2\r\n"
                + "m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:d\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                + "m=text 9 UDP/TLS/RTP/SAVPF 98\r\na=mid:e\r\na=rtcp-mux\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n");
        PublisherAnswer.Result result = answer(offer);
        assertThat(result.answer().media()).allSatisfy(m -> {
            assertThat(m.isRejected()).isTrue();
            assertThat(m.mediaLine().port()).isZero();
        });
        assertThat(result.answer().media()).extracting(m -> m.mediaLine().formats()).containsExactly(List.of("9"),
                List.of("111"), List.of("111"), List.of("96"), List.of("98"), List.of("111"));
        assertThat(result.answer().bundleGroups()).isEmpty();
        assertThat(result.media()).isEmpty();
        assertThat(result.dataChannel()).isEmpty();
    }

    @Test
    void activeOfferIsAnsweredPassiveAndNoRtpStreamIdMeansNoSimulcast() {
        SessionDescription offer = SessionDescription.parse(HEAD + "a=group:BUNDLE v\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=setup:active\r\na=mid:v\r\na=sendonly\r\na=rtcp-mux\r\n"
                + "a=rtpmap:96 VP8/90000\r\na=extmap:3/sendonly urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=rid:q send\r\na=rid:h send\r\na=simulcast:send q;h\r\n");
        PublisherAnswer.Result result = answer(offer);
        MediaDescription video = result.answer().media().get(0);
        assertThat(video.setup()).contains(Setup.PASSIVE);
        assertThat(video.rids()).isEmpty();
        assertThat(video.simulcast()).isEmpty();
        assertThat(video.extMaps()).containsExactly(new ExtMap(3, Direction.RECVONLY, HeaderExtensions.MID, null));
        assertThat(video.has(Flag.RTCP_RSIZE)).isFalse();
        assertThat(result.media().get(0).layers()).isEmpty();
    }

    @Test
    void withoutBundleEverySectionCarriesCandidates() {
        SessionDescription offer = SessionDescription.parse(HEAD
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:1\r\n");
        PublisherAnswer.Result result = answer(offer);
        assertThat(result.answer().bundleGroups()).isEmpty();
        assertThat(result.answer().media()).allSatisfy(m -> assertThat(m.candidates()).hasSize(2));
        assertThat(result.dataChannel()).contains(new NegotiatedDataChannel("1", 5000, MaxMessageSize.DEFAULT_BYTES));
    }

    @Test
    void duplicateMidsAreRefusedAndConflictingExtensionMappingsKeepTheFirst() {
        SessionDescription twice = SessionDescription.parse(HEAD
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:a\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:a\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n");
        assertThatThrownBy(() -> PublisherAnswer.answer(twice, Origin.of(1, 1), Fixtures.liteTransport(), LIVEKIT))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("mid a");

        SessionDescription conflicting = SessionDescription.parse(HEAD
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:v\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                + "a=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=extmap:4096 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n");
        assertThat(answer(conflicting).answer().media().get(0).extMaps())
                .containsExactly(ExtMap.of(1, HeaderExtensions.MID));
    }
}
