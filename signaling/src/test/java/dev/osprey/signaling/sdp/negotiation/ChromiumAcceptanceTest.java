package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.CapturedSdp;
import dev.osprey.signaling.sdp.Candidate;
import dev.osprey.signaling.sdp.CandidateType;
import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.Fingerprint;
import dev.osprey.signaling.sdp.IcePwd;
import dev.osprey.signaling.sdp.IceUfrag;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.Setup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files Chromium 156 accepted (see the resources' README, "Session 2"): the builders must still produce them
 * byte for byte from the same inputs, so a change to the writer or the negotiation shows up here and gets checked
 * against a browser again.
 */
class ChromiumAcceptanceTest {

    private static final MediaCapabilities LIVEKIT = MediaCapabilities.liveKitDefaults();

    /** The transport the capture helper used. */
    private static TransportDescription captureTransport() {
        return new TransportDescription(new IceUfrag("OsPr3yUfrag1"), new IcePwd("0123456789abcdefghijklmnopqrstuv"),
                true, List.of(Fingerprint.parse("sha-256 3E:E3:7F:2B:4C:B4:13:A9:72:10:7F:99:25:96:35:66:28:3D:1E:93:"
                + "C5:F1:90:EE:60:00:2C:62:C2:FC:EE:0F")),
                List.of(Candidate.of("1", 1, "udp", 2130706431L, "127.0.0.1", 7882, CandidateType.HOST),
                        Candidate.of("2", 1, "tcp", 1671430143L, "127.0.0.1", 7881, CandidateType.HOST)
                                .withExtension(Candidate.TCPTYPE, "passive")), true);
    }

    @Test
    void publisherAnswerIsTheOneChromiumAccepted() {
        SessionDescription offer = CapturedSdp.parse(CapturedSdp.SESSION2_PUBLISHER_OFFER);
        String answer = PublisherAnswer.answer(offer, Origin.of(4242, 1), captureTransport(), LIVEKIT).answer().toSdp();
        assertThat(answer).isEqualTo(CapturedSdp.text(CapturedSdp.SESSION2_OSPREY_ANSWER));
    }

    @Test
    void subscriberOfferIsTheOneChromiumAccepted() {
        String offer = SubscriberOffer.offer(Origin.of(4343, 1), captureTransport(), LIVEKIT, List.of(
                new SubscriberSection.DataChannel("0"),
                SubscriberSection.Track.sending("1", MediaType.AUDIO, PackedStreamId.msid("PA_alice", "TR_mic"),
                        SubscriberOffer.codecsFor(LIVEKIT, "audio/red"), 1111, -1, "alice"),
                SubscriberSection.Track.sending("2", MediaType.VIDEO, PackedStreamId.msid("PA_alice", "TR_cam"),
                        SubscriberOffer.codecsFor(LIVEKIT, "video/VP8"), 2222, 3333, "alice"),
                SubscriberSection.Track.sending("3", MediaType.VIDEO, PackedStreamId.msid("PA_bob", "TR_screen"),
                        SubscriberOffer.codecsFor(LIVEKIT, "video/H264"), 4444, 5555, "bob"),
                SubscriberSection.Track.inactive("4", MediaType.VIDEO, SubscriberOffer.codecsFor(LIVEKIT, "video/VP9"))))
                .toSdp();
        assertThat(offer).isEqualTo(CapturedSdp.text(CapturedSdp.SESSION2_OSPREY_SUBSCRIBER_OFFER));
    }

    @Test
    void chromiumsAnswerToTheSubscriberOfferAcceptsEveryTrack() {
        SessionDescription offer = CapturedSdp.parse(CapturedSdp.SESSION2_OSPREY_SUBSCRIBER_OFFER);
        SessionDescription answer = CapturedSdp.parse(CapturedSdp.SESSION2_SUBSCRIBER_ANSWER);
        assertThat(answer.bundleGroups()).isEqualTo(offer.bundleGroups());
        assertThat(answer.media()).extracting(answer::direction).containsExactly(Direction.SENDRECV,
                Direction.RECVONLY, Direction.RECVONLY, Direction.RECVONLY, Direction.INACTIVE);
        assertThat(answer.media()).allSatisfy(m -> {
            assertThat(m.isRejected()).isFalse();
            assertThat(answer.setup(m)).as("the browser is the DTLS client").contains(Setup.ACTIVE);
        });
        for (int i = 1; i < offer.media().size(); i++) {
            MediaDescription offered = offer.media().get(i);
            MediaDescription answered = answer.media().get(i);
            assertThat(offered.mediaLine().payloadTypes()).containsAll(answered.mediaLine().payloadTypes());
            answered.rtpMaps().forEach(map -> assertThat(offered.rtpMaps()).contains(map));
        }
        assertThat(answer.media().get(1).mediaLine().payloadTypes()).containsExactly(63, 111);
        assertThat(answer.media().get(3).mediaLine().payloadTypes()).containsExactly(125, 126, 108, 109);
        assertThat(SignalledTrack.midToTrackId(offer)).containsEntry("1", "TR_mic").containsEntry("2", "TR_cam")
                .containsEntry("3", "TR_screen").hasSize(3);
    }
}
