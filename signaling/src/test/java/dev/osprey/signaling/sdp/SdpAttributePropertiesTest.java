package dev.osprey.signaling.sdp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parse(write(x)) == x} for every attribute class, alone and inside whole descriptions. */
class SdpAttributePropertiesTest {

    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n";

    /** Parsed on its own, inside a media section, and written back to the same text. */
    private static void roundTrips(SdpAttribute attribute) {
        String line = attribute.lineValue();
        assertThat(AttributeParser.parse(line)).isEqualTo(attribute);
        SessionDescription sd = SessionDescription.parse(HEAD + "a=" + line + "\r\n");
        assertThat(sd.media().get(0).lines()).containsExactly(attribute);
        assertThat(sd.toSdp()).isEqualTo(HEAD + "a=" + line + "\r\n");
    }

    @Property(tries = 150)
    void rtpMap(@ForAll("rtpMaps") RtpMap x) {
        roundTrips(x);
        assertThat(RtpMap.parse(x.attributeValue())).isEqualTo(x);
    }

    @Property(tries = 150)
    void fmtp(@ForAll("fmtps") Fmtp x) {
        roundTrips(x);
        assertThat(FormatParameters.parse(x.parameters().format())).isEqualTo(x.parameters());
    }

    @Property(tries = 150)
    void rtcpFb(@ForAll("rtcpFbs") RtcpFb x) {
        roundTrips(x);
    }

    @Property(tries = 150)
    void extMap(@ForAll("extMaps") ExtMap x) {
        roundTrips(x);
    }

    @Property(tries = 100)
    void midAndMsid(@ForAll("tokens") String mid, @ForAll("msids") Msid msid) {
        roundTrips(new Mid(mid));
        roundTrips(msid);
    }

    @Property(tries = 150)
    void ssrcAndGroups(@ForAll("ssrcs") Ssrc ssrc, @ForAll("ssrcGroups") SsrcGroup group, @ForAll("groups") Group g) {
        roundTrips(ssrc);
        roundTrips(group);
        roundTrips(g);
    }

    @Property(tries = 150)
    void rid(@ForAll("rids") Rid x) {
        roundTrips(x);
        assertThat(x.answered().direction()).isEqualTo(x.direction().reverse());
    }

    @Property(tries = 150)
    void simulcast(@ForAll("simulcasts") Simulcast x) {
        roundTrips(x);
        assertThat(x.reversed().reversed()).isEqualTo(x);
    }

    @Property(tries = 200)
    void candidate(@ForAll("candidates") Candidate x) {
        roundTrips(x);
        assertThat(Candidate.fromTrickle(x.toTrickle())).isEqualTo(x);
        assertThat(Candidate.fromTrickle("a=" + x.toTrickle())).isEqualTo(x);
    }

    @Property(tries = 150)
    void fingerprint(@ForAll("fingerprints") Fingerprint x) {
        roundTrips(x);
        assertThat(Fingerprint.parse(x.attributeValue().toLowerCase(java.util.Locale.ROOT))).isEqualTo(x);
    }

    @Property(tries = 100)
    void everyOtherAttribute(@ForAll("others") SdpAttribute x) {
        roundTrips(x);
    }

    @Property(tries = 100)
    void wholeDescriptions(@ForAll("attributeLists") List<SdpAttribute> session,
                           @ForAll("attributeLists") List<SdpAttribute> audio,
                           @ForAll("attributeLists") List<SdpAttribute> video) {
        SessionDescription.Builder builder = SessionDescription.builder(Origin.of(42, 7));
        session.forEach(builder::add);
        builder.addMedia(MediaDescription.builder(new MediaLine(MediaType.AUDIO, 9, 0, MediaLine.PROTO_RTP_SAVPF,
                List.of("111", "63"))).add(ConnectionData.UNSPECIFIED_IP4).addAll(audio).build());
        builder.addMedia(MediaDescription.builder(new MediaLine(MediaType.VIDEO, 0, 0, MediaLine.PROTO_RTP_SAVPF,
                List.of("96"))).add(new Bandwidth("TIAS", 1_000_000)).addAll(video).build());
        SessionDescription sd = builder.build();
        String text = sd.toSdp();
        assertThat(SessionDescription.parse(text)).isEqualTo(sd);
        assertThat(SessionDescription.parse(text.replace("\r\n", "\n")).toSdp()).isEqualTo(text);
    }

    @Provide
    Arbitrary<RtpMap> rtpMaps() {
        return SdpArbitraries.rtpMap();
    }

    @Provide
    Arbitrary<Fmtp> fmtps() {
        return SdpArbitraries.fmtp();
    }

    @Provide
    Arbitrary<RtcpFb> rtcpFbs() {
        return SdpArbitraries.rtcpFb();
    }

    @Provide
    Arbitrary<ExtMap> extMaps() {
        return SdpArbitraries.extMap();
    }

    @Provide
    Arbitrary<String> tokens() {
        return SdpArbitraries.token();
    }

    @Provide
    Arbitrary<Msid> msids() {
        return SdpArbitraries.msid();
    }

    @Provide
    Arbitrary<Ssrc> ssrcs() {
        return SdpArbitraries.ssrcAttribute();
    }

    @Provide
    Arbitrary<SsrcGroup> ssrcGroups() {
        return SdpArbitraries.ssrcGroup();
    }

    @Provide
    Arbitrary<Group> groups() {
        return SdpArbitraries.group();
    }

    @Provide
    Arbitrary<Rid> rids() {
        return SdpArbitraries.rid();
    }

    @Provide
    Arbitrary<Simulcast> simulcasts() {
        return SdpArbitraries.simulcast();
    }

    @Provide
    Arbitrary<Candidate> candidates() {
        return SdpArbitraries.candidate();
    }

    @Provide
    Arbitrary<Fingerprint> fingerprints() {
        return SdpArbitraries.fingerprint();
    }

    @Provide
    Arbitrary<SdpAttribute> others() {
        return SdpArbitraries.attribute();
    }

    @Provide
    Arbitrary<List<SdpAttribute>> attributeLists() {
        return SdpArbitraries.attribute().list().ofMaxSize(8);
    }
}
