package dev.osprey.signaling.session;

import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.TrackId;
import dev.osprey.signaling.sdp.SessionDescription;
import livekit.LivekitModels;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitModels.VideoLayer;
import livekit.LivekitModels.VideoQuality;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The join flow of livekit-protocol.md §2 against a real room registry, one message at a time. */
class RtcSessionTest {
    private static final String AUDIO_CID = "10ec38f2-7add-4968-bfc3-1efd5c6272ab";
    private static final String VIDEO_CID = "6fd05c49-c0ee-43ea-a081-770166e0a0fa";

    private SessionFixture sfu = new SessionFixture();

    @AfterEach
    void close() {
        sfu.close();
    }

    private static String capturedOffer() throws IOException {
        try (InputStream in = RtcSessionTest.class.getResourceAsStream(
                "/dev/osprey/signaling/sdp/chromium/publisher-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SignalRequest addTrack(String cid, TrackType type, TrackSource source) {
        AddTrackRequest.Builder add = AddTrackRequest.newBuilder().setCid(cid).setType(type).setSource(source);
        if (type == TrackType.VIDEO) {
            add.setWidth(1280).setHeight(720)
                    .addLayers(VideoLayer.newBuilder().setQuality(VideoQuality.LOW).setWidth(320).setHeight(180))
                    .addLayers(VideoLayer.newBuilder().setQuality(VideoQuality.MEDIUM).setWidth(640).setHeight(360))
                    .addLayers(VideoLayer.newBuilder().setQuality(VideoQuality.HIGH).setWidth(1280).setHeight(720));
        }
        return SignalRequest.newBuilder().setAddTrack(add).build();
    }

    private static SignalRequest offer(String sdp, int id) {
        return SignalRequest.newBuilder().setOffer(livekit.LivekitRtc.SessionDescription.newBuilder()
                .setType("offer").setSdp(sdp).setId(id)).build();
    }

    /** Publishes the captured Chromium camera + microphone offer as {@code client}. */
    private void publishCaptured(SessionFixture.Client client) throws Exception {
        client.session.onRequest(addTrack(AUDIO_CID, TrackType.AUDIO, TrackSource.MICROPHONE));
        client.session.onRequest(addTrack(VIDEO_CID, TrackType.VIDEO, TrackSource.CAMERA));
        client.session.onRequest(offer(capturedOffer(), 1));
        sfu.settle();
    }

    @Test
    void theJoinResponseComesFirstWithWhatClientsRequire() throws Exception {
        SessionFixture.Client hidden = sfu.connect(SessionFixture.init("r", "ghost",
                SessionFixture.grant("r", null, null, true), false, ""));
        SessionFixture.Client alice = sfu.join("r", "alice");
        SessionFixture.Client bob = sfu.join("r", "bob");

        SignalResponse first = bob.received.get(0);
        assertThat(first.getMessageCase()).isEqualTo(MessageCase.JOIN);
        var join = first.getJoin();
        assertThat(join.getParticipant().getIdentity()).isEqualTo("bob");
        assertThat(join.getParticipant().getSid()).startsWith("PA_");
        assertThat(join.getParticipant().getPermission().getCanPublish()).isTrue();
        assertThat(join.getServerInfo().getVersion()).isEqualTo(SessionSettings.LIVEKIT_COMPATIBLE_VERSION);
        assertThat(join.getServerInfo().getDebugInfo()).isEqualTo("Osprey 1.0-test");
        assertThat(join.getServerVersion()).isNotEmpty();
        assertThat(join.getRoom().getName()).isEqualTo("r");
        assertThat(join.getRoom().getSid()).startsWith("RM_");
        assertThat(join.getSubscriberPrimary()).isTrue();
        assertThat(join.getPingInterval()).isEqualTo(5);
        assertThat(join.getPingTimeout()).isEqualTo(15);
        assertThat(join.getIceServersList()).singleElement()
                .satisfies(s -> assertThat(s.getUsername()).isEqualTo(join.getParticipant().getSid()));
        assertThat(join.getEnabledPublishCodecsList()).extracting(LivekitModels.Codec::getMime)
                .contains("video/VP8", "audio/opus").noneMatch(m -> m.endsWith("rtx"));
        assertThat(join.getOtherParticipantsList()).extracting(LivekitModels.ParticipantInfo::getIdentity)
                .containsExactly("alice");
        assertThat(alice.of(MessageCase.UPDATE)).anySatisfy(u -> assertThat(u.getUpdate().getParticipantsList())
                .extracting(LivekitModels.ParticipantInfo::getIdentity).contains("bob"));
        assertThat(alice.of(MessageCase.UPDATE)).noneSatisfy(u -> assertThat(u.getUpdate().getParticipantsList())
                .extracting(LivekitModels.ParticipantInfo::getIdentity).contains("ghost"));
        assertThat(hidden.received.get(0).getMessageCase()).isEqualTo(MessageCase.JOIN);
    }

    @Test
    void theFirstSubscriberOfferCarriesADataChannelSectionBeforeAnyMedia() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        SignalResponse offer = alice.last(MessageCase.OFFER);
        assertThat(offer).isNotNull();
        assertThat(offer.getOffer().getId()).isEqualTo(1);
        SessionDescription sdp = SessionDescription.parse(offer.getOffer().getSdp());
        assertThat(sdp.media()).singleElement().satisfies(m -> assertThat(m.media().name()).isEqualTo("application"));
        assertThat(sdp.isIceLite()).isTrue();
        var trickles = alice.of(MessageCase.TRICKLE);
        assertThat(trickles).isNotEmpty().allSatisfy(t -> {
            assertThat(t.getTrickle().getTarget()).isEqualTo(livekit.LivekitRtc.SignalTarget.SUBSCRIBER);
            assertThat(t.getTrickle().getCandidateInit()).contains("\"candidate\":\"candidate:", "\"sdpMid\":\"0\"");
        });
        assertThat(trickles.get(trickles.size() - 1).getTrickle().getFinal()).isTrue();
        assertThat(alice.received.indexOf(trickles.get(0))).isGreaterThan(alice.received.indexOf(offer));
    }

    @Test
    void addTrackAndThePublisherOfferAreAnsweredWithTheOfferIdAndTrackSids() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        publishCaptured(alice);

        assertThat(alice.of(MessageCase.TRACK_PUBLISHED)).hasSize(2).allSatisfy(r ->
                assertThat(r.getTrackPublished().getTrack().getSid()).startsWith("TR_"));
        var video = alice.of(MessageCase.TRACK_PUBLISHED).stream().map(SignalResponse::getTrackPublished)
                .filter(p -> p.getCid().equals(VIDEO_CID)).findFirst().orElseThrow().getTrack();
        assertThat(video.getSimulcast()).isTrue();
        SignalResponse answer = alice.last(MessageCase.ANSWER);
        assertThat(answer.getAnswer().getId()).isEqualTo(1);
        assertThat(answer.getAnswer().getType()).isEqualTo("answer");
        assertThat(answer.getAnswer().getMidToTrackIdMap()).containsEntry("1", video.getSid()).hasSize(2);
        assertThat(answer.getAnswer().getSdp()).contains("a=setup:active", "a=ice-lite", "a=recvonly");
        assertThat(alice.of(MessageCase.TRICKLE)).anySatisfy(t -> assertThat(t.getTrickle().getTarget())
                .isEqualTo(livekit.LivekitRtc.SignalTarget.PUBLISHER));
    }

    @Test
    void aSubscriberIsOfferedThePublishersTracksLabelledWithPackedStreamIds() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        SessionFixture.Client bob = sfu.join("r", "bob");
        publishCaptured(alice);
        String aliceSid = alice.received.get(0).getJoin().getParticipant().getSid();

        SignalResponse offer = bob.last(MessageCase.OFFER);
        assertThat(offer.getOffer().getId()).isGreaterThanOrEqualTo(1);
        // the first offer (data channel only) is still unanswered: the tracks wait for its answer
        assertThat(SessionDescription.parse(offer.getOffer().getSdp()).media()).hasSize(1);
        bob.session.onRequest(SignalRequest.newBuilder().setAnswer(livekit.LivekitRtc.SessionDescription
                .newBuilder().setType("answer").setId(offer.getOffer().getId()).setSdp(answerTo(offer))).build());
        sfu.settle();
        SignalResponse second = bob.last(MessageCase.OFFER);
        assertThat(second.getOffer().getId()).isEqualTo(offer.getOffer().getId() + 1);
        String sdp = second.getOffer().getSdp();
        assertThat(second.getOffer().getMidToTrackIdMap()).hasSize(2);
        for (String trackSid : second.getOffer().getMidToTrackIdMap().values()) {
            assertThat(sdp).contains("a=msid:" + aliceSid + "|" + trackSid + " " + trackSid);
        }
        // Chromium offered Opus before RED, so Opus is what it sends and what subscribers are offered
        assertThat(sdp).contains("m=audio", "m=video", "a=sendonly", "a=rtpmap:111 opus/48000/2", "a=ssrc-group:FID");
    }

    /** A browser-like answer to a data-channel-only offer: its fingerprint and active setup. */
    private static String answerTo(SignalResponse offer) {
        return """
                v=0
                o=- 1 2 IN IP4 127.0.0.1
                s=-
                t=0 0
                a=group:BUNDLE 0
                m=application 9 UDP/DTLS/SCTP webrtc-datachannel
                c=IN IP4 0.0.0.0
                a=ice-ufrag:abcd
                a=ice-pwd:abcdefghijklmnopqrstuvwx
                a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF
                a=setup:active
                a=mid:0
                a=sctp-port:5000
                a=max-message-size:262144
                """.replace("\n", "\r\n");
    }

    @Test
    void aMuteFromTheServerIsSentToThePublisherButTheClientsOwnIsNotEchoed() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        publishCaptured(alice);
        String audioSid = alice.of(MessageCase.TRACK_PUBLISHED).stream().map(SignalResponse::getTrackPublished)
                .filter(p -> p.getCid().equals(AUDIO_CID)).findFirst().orElseThrow().getTrack().getSid();
        alice.session.onRequest(SignalRequest.newBuilder().setMute(MuteTrackRequest.newBuilder().setSid(audioSid)
                .setMuted(true)).build());
        sfu.settle();
        assertThat(alice.of(MessageCase.MUTE)).isEmpty();

        sfu.rooms.session(new RoomName("r"), new ParticipantIdentity("alice")).orElseThrow().publisher()
                .setMuted(new TrackId(audioSid), false);
        sfu.settle();
        assertThat(alice.last(MessageCase.MUTE).getMute().getMuted()).isFalse();
        assertThat(alice.last(MessageCase.MUTE).getMute().getSid()).isEqualTo(audioSid);
    }

    @Test
    void metadataUpdatesNeedThePermission() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        alice.session.onRequest(SignalRequest.newBuilder().setUpdateMetadata(UpdateParticipantMetadata.newBuilder()
                .setMetadata("m").setRequestId(7)).build());
        sfu.settle();
        var refused = alice.last(MessageCase.REQUEST_RESPONSE).getRequestResponse();
        assertThat(refused.getRequestId()).isEqualTo(7);
        assertThat(refused.getReason()).isEqualTo(livekit.LivekitRtc.RequestResponse.Reason.NOT_ALLOWED);

        SessionFixture.Client bob = sfu.connect(SessionFixture.init("r", "bob",
                SessionFixture.grant("r", null, true, false), false, ""));
        bob.session.onRequest(SignalRequest.newBuilder().setUpdateMetadata(UpdateParticipantMetadata.newBuilder()
                .setName("Robert")).build());
        sfu.settle();
        assertThat(bob.of(MessageCase.UPDATE)).anySatisfy(u -> assertThat(u.getUpdate().getParticipantsList())
                .anySatisfy(p -> assertThat(p.getName()).isEqualTo("Robert")));
    }

    @Test
    void aSecondJoinWithTheSameIdentityReplacesTheFirst() throws Exception {
        SessionFixture.Client first = sfu.join("r", "alice");
        SessionFixture.Client second = sfu.join("r", "alice");
        sfu.settle();
        SignalResponse leave = first.last(MessageCase.LEAVE);
        assertThat(leave.getLeave().getReason()).isEqualTo(LivekitModels.DisconnectReason.DUPLICATE_IDENTITY);
        assertThat(leave.getLeave().getAction()).isEqualTo(LeaveRequest.Action.DISCONNECT);
        assertThat(first.closed).isTrue();
        assertThat(second.closed).isFalse();
    }

    @Test
    void aDroppedConnectionResumesWithAReconnectResponseAndAnIceRestartOffer() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        String sid = alice.received.get(0).getJoin().getParticipant().getSid();
        SignalResponse first = alice.last(MessageCase.OFFER);
        alice.session.onRequest(SignalRequest.newBuilder().setAnswer(livekit.LivekitRtc.SessionDescription
                .newBuilder().setType("answer").setId(first.getOffer().getId()).setSdp(answerTo(first))).build());
        sfu.settle();
        alice.session.detached(alice, false);
        SessionFixture.Client again = sfu.connect(SessionFixture.init("r", "alice",
                SessionFixture.grant("r", null, null, false), true, sid));
        assertThat(again.received.get(0).getMessageCase()).isEqualTo(MessageCase.RECONNECT);
        assertThat(again.of(MessageCase.UPDATE)).isNotEmpty();
        // the subscriber connection was set up: the resume offers again, restarting ICE (RFC 8445 §9)
        SignalResponse offer = again.last(MessageCase.OFFER);
        assertThat(offer).isNotNull();
        assertThat(offer.getOffer().getId()).isEqualTo(2);
        assertThat(ufrag(offer)).isNotEqualTo(ufrag(alice.of(MessageCase.OFFER).get(0)));
        assertThat(sfu.rooms.participants(new RoomName("r"))).hasSize(1);
    }

    @Test
    void anOfferLostWithTheConnectionIsMadeAgainOnResume() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        String sid = alice.received.get(0).getJoin().getParticipant().getSid();
        alice.session.detached(alice, false); // the first offer is never answered
        SessionFixture.Client again = sfu.connect(SessionFixture.init("r", "alice",
                SessionFixture.grant("r", null, null, false), true, sid));
        assertThat(again.last(MessageCase.OFFER).getOffer().getId()).isEqualTo(2);
    }

    private static String ufrag(SignalResponse offer) {
        var m = java.util.regex.Pattern.compile("a=ice-ufrag:(\\S+)").matcher(offer.getOffer().getSdp());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aResumeTheServerCannotHonourIsToldToRejoin() throws Exception {
        SessionFixture.Client stale = sfu.connect(SessionFixture.init("r", "alice",
                SessionFixture.grant("r", null, null, false), true, "PA_unknown12345"));
        SignalResponse leave = stale.received.get(0);
        assertThat(leave.getLeave().getReason()).isEqualTo(LivekitModels.DisconnectReason.STATE_MISMATCH);
        assertThat(leave.getLeave().getAction()).isEqualTo(LeaveRequest.Action.RECONNECT);
        assertThat(stale.closed).isTrue();
    }

    @Test
    void aParticipantThatDoesNotResumeLeavesAfterTheWindow() throws Exception {
        sfu.close();
        sfu = new SessionFixture(true, RoomSettings.DEFAULT, Duration.ofMillis(200));
        SessionFixture.Client alice = sfu.join("r", "alice");
        SessionFixture.Client bob = sfu.join("r", "bob");
        alice.session.detached(alice, false);
        Thread.sleep(400);
        sfu.settle();
        assertThat(sfu.rooms.participants(new RoomName("r"))).extracting(p -> p.identity().value())
                .containsExactly("bob");
        assertThat(bob.of(MessageCase.UPDATE)).anySatisfy(u -> assertThat(u.getUpdate().getParticipantsList())
                .anySatisfy(p -> {
                    assertThat(p.getIdentity()).isEqualTo("alice");
                    assertThat(p.getState()).isEqualTo(LivekitModels.ParticipantInfo.State.DISCONNECTED);
                }));
    }

    @Test
    void joinsAreRefusedWithLiveKitsStatuses() throws Exception {
        sfu.close();
        sfu = new SessionFixture(false, new RoomSettings(300, 20, 1), Duration.ofSeconds(15));
        SessionFixture.Client nowhere = sfu.join("missing", "alice");
        assertThat(nowhere.rejection.status()).isEqualTo(404);
        assertThat(nowhere.rejection.getMessage()).isEqualTo("requested room does not exist");

        sfu.rooms.create(new RoomName("small"), new RoomSettings(300, 20, 1), "");
        assertThat(sfu.join("small", "first").rejection).isNull();
        SessionFixture.Client full = sfu.join("small", "second");
        assertThat(full.rejection.status()).isEqualTo(429);
    }

    @Test
    void aClientLeaveRemovesTheParticipant() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        alice.session.onRequest(SignalRequest.newBuilder().setLeave(livekit.LivekitRtc.LeaveRequest.newBuilder()
                .setReason(LivekitModels.DisconnectReason.CLIENT_INITIATED)).build());
        alice.session.detached(alice, true);
        sfu.settle();
        assertThat(sfu.rooms.participants(new RoomName("r"))).isEmpty();
    }

    @Test
    void theTokenIsRefreshedWhileTheSessionLasts() throws Exception {
        sfu.close();
        sfu = new SessionFixture(true, RoomSettings.DEFAULT, Duration.ofSeconds(15), Duration.ofMillis(100));
        SessionFixture.Client alice = sfu.join("r", "alice");
        Thread.sleep(350);
        sfu.settle();
        assertThat(alice.of(MessageCase.REFRESH_TOKEN)).hasSizeGreaterThanOrEqualTo(2);
        var verified = new dev.osprey.signaling.auth.AccessTokenVerifier(SessionFixture.KEYS, java.time.Clock.systemUTC())
                .verify(alice.last(MessageCase.REFRESH_TOKEN).getRefreshToken());
        assertThat(verified.grants().identity()).isEqualTo("alice");
        assertThat(verified.grants().video().room()).isEqualTo("r");
    }

    @Test
    void roomMetadataChangesReachEveryoneAsRoomUpdate() throws Exception {
        SessionFixture.Client alice = sfu.join("r", "alice");
        sfu.rooms.updateMetadata(new RoomName("r"), "agenda");
        sfu.settle();
        assertThat(alice.last(MessageCase.ROOM_UPDATE).getRoomUpdate().getRoom().getMetadata()).isEqualTo("agenda");
    }
}
