package dev.osprey.signaling.sdp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parse → write round trips and typed values of the descriptions captured from Chromium 156. */
class ChromiumSdpTest {

    static final List<String> CAPTURED = CapturedSdp.ALL;

    @ParameterizedTest
    @FieldSource("CAPTURED")
    void roundTripIsByteIdentical(String name) {
        String text = CapturedSdp.text(name);
        assertThat(text).contains("\r\n");
        assertThat(SessionDescription.parse(text).toSdp()).isEqualTo(text);
    }

    @ParameterizedTest
    @FieldSource("CAPTURED")
    void lfOnlyAndMixedLineEndingsParseToTheSameModel(String name) {
        String crlf = CapturedSdp.text(name);
        String lf = crlf.replace("\r\n", "\n");
        StringBuilder mixed = new StringBuilder();
        String[] lines = lf.split("\n");
        for (int i = 0; i < lines.length; i++) {
            mixed.append(lines[i]).append(i % 3 == 0 ? "\n" : "\r\n");
        }
        SessionDescription expected = SessionDescription.parse(crlf);
        assertThat(SessionDescription.parse(lf)).isEqualTo(expected);
        assertThat(SessionDescription.parse(mixed.toString())).isEqualTo(expected);
        assertThat(SessionDescription.parse(lf.stripTrailing())).as("no final line ending").isEqualTo(expected);
        assertThat(SessionDescription.parse(lf).toSdp()).isEqualTo(crlf);
    }

    @Test
    void sessionLevelOfThePublisherOffer() {
        SessionDescription offer = CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER);
        assertThat(offer.origin().username()).isEqualTo("-");
        assertThat(offer.origin().sessionId()).isEqualTo(new BigInteger("6472313663985128281"));
        assertThat(offer.origin().sessionVersion()).isEqualTo(BigInteger.TWO);
        assertThat(offer.sessionName()).isEqualTo("-");
        assertThat(offer.attribute(Timing.class)).contains(Timing.UNBOUNDED);
        assertThat(offer.bundleGroups()).containsExactly(Group.bundle(List.of("0", "1", "2", "3", "4")));
        assertThat(offer.has(Flag.EXTMAP_ALLOW_MIXED)).isTrue();
        assertThat(offer.isIceLite()).isFalse();
        assertThat(offer.unknownAttributes("msid-semantic")).singleElement()
                .extracting(UnknownAttribute::value).isEqualTo(" WMS 87f2f3bd-3673-4452-95ba-4ebbd1325a35");
        assertThat(offer.media()).extracting(m -> m.media().name() + "/" + m.mid().orElseThrow())
                .containsExactly("audio/0", "video/1", "audio/2", "video/3", "application/4");
    }

    @Test
    void audioSectionOfThePublisherOffer() {
        MediaDescription audio = CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER).media().get(0);
        assertThat(audio.mediaLine().proto()).isEqualTo(MediaLine.PROTO_RTP_SAVPF);
        assertThat(audio.mediaLine().payloadTypes()).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        assertThat(audio.direction()).contains(Direction.SENDONLY);
        assertThat(audio.msids()).containsExactly(new Msid("87f2f3bd-3673-4452-95ba-4ebbd1325a35",
                "10ec38f2-7add-4968-bfc3-1efd5c6272ab"));
        assertThat(audio.rtpMap(111)).contains(new RtpMap(111, "opus", 48000, 2));
        FormatParameters opus = audio.formatParameters(111);
        assertThat(opus.getLong("minptime")).hasValue(10);
        assertThat(opus.getLong("useinbandfec")).hasValue(1);
        assertThat(audio.rtpMap(63)).contains(new RtpMap(63, "red", 48000, 2));
        assertThat(audio.formatParameters(63).parameters())
                .containsExactly(new FormatParameters.Parameter("111/111", null));
        assertThat(audio.rtcpFeedback(111)).containsExactly(RtcpFb.of(111, "transport-cc"));
        assertThat(audio.rtpMap(0)).contains(new RtpMap(0, "PCMU", 8000, 0));
        assertThat(audio.extMaps()).extracting(ExtMap::id, ExtMap::uri).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                org.assertj.core.groups.Tuple.tuple(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                org.assertj.core.groups.Tuple.tuple(3,
                        "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
                org.assertj.core.groups.Tuple.tuple(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        assertThat(audio.has(Flag.RTCP_MUX)).isTrue();
        assertThat(audio.has(Flag.RTCP_RSIZE)).isTrue();
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.iceUfrag()).contains(new IceUfrag("O/FA"));
        assertThat(audio.icePwd()).map(IcePwd::password).hasValueSatisfying(p -> assertThat(p).hasSize(24));
        assertThat(audio.iceOptions()).map(IceOptions::options).contains(List.of(IceOptions.TRICKLE));
        assertThat(audio.fingerprints()).singleElement().satisfies(f -> {
            assertThat(f.hashFunction()).isEqualTo(HashFunction.SHA_256);
            assertThat(f.digest()).hasSize(32);
        });
        assertThat(audio.ssrcs()).extracting(Ssrc::attribute).containsExactly("cname", "msid");
        assertThat(audio.attribute(ConnectionData.class)).contains(ConnectionData.UNSPECIFIED_IP4);
        assertThat(audio.unknownAttributes("rtcp")).extracting(UnknownAttribute::value)
                .containsExactly("9 IN IP4 0.0.0.0");
    }

    @Test
    void simulcastVideoSectionOfThePublisherOffer() {
        MediaDescription video = CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER).media().get(1);
        assertThat(video.rids()).containsExactly(Rid.of("q", StreamDirection.SEND), Rid.of("h", StreamDirection.SEND),
                Rid.of("f", StreamDirection.SEND));
        assertThat(video.simulcast()).contains(new Simulcast(
                List.of(Simulcast.Layer.of("q"), Simulcast.Layer.of("h"), Simulcast.Layer.of("f")), List.of()));
        assertThat(video.ssrcs()).as("rid-based simulcast signals no SSRCs").isEmpty();
        assertThat(video.rtpMap(96)).contains(new RtpMap(96, "VP8", 90000, 0));
        assertThat(video.rtcpFeedback(96)).extracting(RtcpFb::lineValue).containsExactly("rtcp-fb:96 goog-remb",
                "rtcp-fb:96 transport-cc", "rtcp-fb:96 ccm fir", "rtcp-fb:96 nack", "rtcp-fb:96 nack pli");
        assertThat(video.formatParameters(97).getLong("apt")).hasValue(96);
        assertThat(video.formatParameters(108).get("profile-level-id")).contains("42e01f");
        assertThat(video.formatParameters(108).get("PACKETIZATION-MODE")).as("names ignore case").contains("1");
        assertThat(video.formatParameters(45).get("profile")).contains("0");
        assertThat(video.formatParameters(100).get("profile-id")).contains("2");
        assertThat(video.extMaps()).filteredOn(e -> e.uri().endsWith("sdes:rtp-stream-id")).singleElement()
                .extracting(ExtMap::id).isEqualTo(10);
    }

    @Test
    void dataChannelSection() {
        SessionDescription offer = CapturedSdp.parse(CapturedSdp.DATA_CHANNEL_OFFER);
        MediaDescription application = offer.media().get(0);
        assertThat(application.mediaLine()).isEqualTo(new MediaLine(MediaType.APPLICATION, 9, 0,
                MediaLine.PROTO_DTLS_SCTP, List.of(MediaLine.FORMAT_DATA_CHANNEL)));
        assertThat(application.attribute(SctpPort.class)).contains(SctpPort.DEFAULT);
        assertThat(application.attribute(MaxMessageSize.class)).contains(new MaxMessageSize(262144));
        assertThat(offer.unknownAttributes("msid-semantic")).extracting(UnknownAttribute::value)
                .containsExactly(" WMS");
    }

    @Test
    void gatheredCandidates() {
        MediaDescription audio = CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER_GATHERED).media().get(0);
        List<Candidate> candidates = audio.candidates();
        assertThat(candidates).hasSize(8);
        Candidate first = candidates.get(0);
        assertThat(first.foundation()).isEqualTo("1344184039");
        assertThat(first.component()).isEqualTo(1);
        assertThat(first.isUdp()).isTrue();
        assertThat(first.priority()).isEqualTo(2122194687L);
        assertThat(first.address()).isEqualTo("127.0.0.1");
        assertThat(first.port()).isEqualTo(53399);
        assertThat(first.type()).isEqualTo(CandidateType.HOST);
        assertThat(first.extension("generation")).contains("0");
        assertThat(first.extension("network-cost")).contains("50");
        assertThat(first.tcpType()).isEmpty();
        assertThat(candidates).filteredOn(Candidate::isTcp).hasSize(4)
                .allSatisfy(c -> {
                    assertThat(c.tcpType()).contains(TcpType.ACTIVE);
                    assertThat(c.port()).isEqualTo(9);
                });
        assertThat(candidates).extracting(Candidate::address).contains("::1", "fd00::2", "192.0.2.2");
        assertThat(audio.mediaLine().port()).isEqualTo(53399);
    }

    @Test
    void cameraWithoutSimulcastSignalsAnRtxFidGroup() {
        MediaDescription video = CapturedSdp.parse(CapturedSdp.CAMERA_OFFER).media().get(0);
        SsrcGroup fid = video.ssrcGroups().get(0);
        assertThat(fid.semantics()).isEqualTo(SsrcGroup.FID);
        assertThat(fid.ssrcs()).hasSize(2);
        assertThat(video.ssrcs()).filteredOn(s -> s.attribute().equals(Ssrc.CNAME))
                .extracting(Ssrc::ssrc).containsExactlyElementsOf(fid.ssrcs());
        assertThat(fid.ssrcs()).allSatisfy(s -> assertThat(s).isBetween(0L, 0xFFFF_FFFFL));
    }

    @Test
    void chromiumAnswerIsActiveAndReversesDirections() {
        SessionDescription answer = CapturedSdp.parse(CapturedSdp.PUBLISHER_ANSWER);
        assertThat(answer.media()).allSatisfy(m -> assertThat(answer.setup(m)).contains(Setup.ACTIVE));
        assertThat(answer.media()).extracting(answer::direction).containsExactly(Direction.RECVONLY,
                Direction.RECVONLY, Direction.INACTIVE, Direction.INACTIVE, Direction.SENDRECV);
    }
}
