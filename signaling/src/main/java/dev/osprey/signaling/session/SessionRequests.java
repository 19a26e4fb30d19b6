package dev.osprey.signaling.session;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackSettings;
import dev.osprey.signaling.rooms.LiveKitInfos;
import livekit.LivekitModels.ParticipantTracks;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrackPublishedResponse;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import livekit.LivekitRtc.UpdateSubscription;
import livekit.LivekitRtc.UpdateTrackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's requests of livekit-protocol.md §2.3-§2.6, one method each, against the participant's room. Runs on
 * its session's executor; a request the room refuses throws {@link dev.osprey.media.api.RoomException} and a
 * malformed one {@link IllegalArgumentException} or an SDP parse error, which the session counts and logs.
 */
final class SessionRequests {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRequests.class);

    private final RtcSession session;
    private final ParticipantSession participant;
    private final PublisherNegotiator publisher;

    SessionRequests(RtcSession session, ParticipantSession participant, PublisherNegotiator publisher) {
        this.session = session;
        this.participant = participant;
        this.publisher = publisher;
    }

    void handle(SignalRequest request) {
        switch (request.getMessageCase()) {
            case OFFER -> offer(request.getOffer());
            case ANSWER -> session.answered(request.getAnswer());
            case TRICKLE -> { } // ICE-lite: the client's candidates arrive as its connectivity checks (RFC 8445 §2.5)
            case ADD_TRACK -> addTrack(request.getAddTrack());
            case MUTE -> mute(request.getMute());
            case SUBSCRIPTION -> subscription(request.getSubscription());
            case TRACK_SETTING -> trackSettings(request.getTrackSetting());
            case LEAVE -> session.leaveRoom(DisconnectReason.CLIENT_INITIATED);
            case UPDATE_METADATA -> updateMetadata(request.getUpdateMetadata());
            default -> LOG.atDebug().addKeyValue("participant", session.logId())
                    .log("{} is not acted on", request.getMessageCase());
        }
    }

    private void offer(SessionDescription offer) {
        PublisherNegotiator.Answer answer = publisher.answer(RtcSessionManager.parseSdp(offer.getSdp()));
        session.send(SignalResponse.newBuilder().setAnswer(SessionDescription.newBuilder().setType("answer")
                .setSdp(answer.description().toSdp()).setId(offer.getId())
                .putAllMidToTrackId(answer.midToTrackId())).build());
        session.trickle(answer.transport(), answer.firstMid(), SignalTarget.PUBLISHER);
    }

    private void addTrack(AddTrackRequest add) {
        if (publisher.track(add.getCid()).isPresent()) {
            LOG.atDebug().addKeyValue("participant", session.logId()).log("track {} already published", add.getCid());
            return;
        }
        TrackInfo track = participant.publisher().publish(TrackRequests.publishRequest(add));
        publisher.published(track);
        session.send(SignalResponse.newBuilder().setTrackPublished(TrackPublishedResponse.newBuilder()
                .setCid(add.getCid()).setTrack(LiveKitInfos.track(track))).build());
    }

    private void mute(MuteTrackRequest mute) {
        session.clientMuted(new TrackId(mute.getSid()), mute.getMuted());
        participant.publisher().setMuted(new TrackId(mute.getSid()), mute.getMuted());
    }

    private void subscription(UpdateSubscription update) {
        List<String> sids = new ArrayList<>(update.getTrackSidsList());
        for (ParticipantTracks tracks : update.getParticipantTracksList()) {
            sids.addAll(tracks.getTrackSidsList());
        }
        for (String sid : sids) {
            TrackId track = new TrackId(sid);
            if (update.getSubscribe()) {
                participant.subscriber().subscribe(track);
            } else {
                participant.subscriber().unsubscribe(track);
            }
        }
    }

    private void trackSettings(UpdateTrackSettings update) {
        // VideoQuality's zero value is LOW: with dimensions given, the deprecated quality field must not cap them
        boolean sized = update.getWidth() > 0 || update.getHeight() > 0;
        TrackSettings settings = new TrackSettings(update.getDisabled(), update.getWidth(), update.getHeight(),
                sized ? LayerQuality.HIGH : TrackRequests.quality(update.getQuality()));
        for (String sid : update.getTrackSidsList()) {
            participant.subscriber().updateSettings(new TrackId(sid), settings);
        }
    }

    /** §2.6: empty name or metadata means unchanged; the client waits for a ParticipantUpdate about itself. */
    private void updateMetadata(UpdateParticipantMetadata update) {
        boolean allowed = participant.updateMetadata(update.getName().isEmpty() ? null : update.getName(),
                update.getMetadata().isEmpty() ? null : update.getMetadata(), update.getAttributesMap()).isPresent();
        if (!allowed || update.getRequestId() != 0) {
            session.send(SignalResponse.newBuilder().setRequestResponse(RequestResponse.newBuilder()
                    .setRequestId(update.getRequestId())
                    .setReason(allowed ? RequestResponse.Reason.OK : RequestResponse.Reason.NOT_ALLOWED)
                    .setMessage(allowed ? "" : "does not have permission to update own metadata")
                    .setUpdateMetadata(update)).build());
        }
    }
}
