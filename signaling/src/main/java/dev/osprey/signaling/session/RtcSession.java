package dev.osprey.signaling.session;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.api.TrackId;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.signaling.join.ParticipantInit;
import dev.osprey.signaling.rooms.LiveKitInfos;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.negotiation.TransportDescription;
import dev.osprey.signaling.ws.SignalOutput;
import dev.osprey.signaling.ws.SignalSession;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;
import livekit.LivekitModels;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrickleRequest;
import livekit.LivekitRtc.TrackUnpublishedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * One participant's signal session across WebSocket connections (livekit-protocol.md §2): the JoinResponse and the
 * first subscriber offer, the requests of §2.3-§2.6, room events turned into §2.8 updates, and resume after a
 * dropped connection (§2.9). Every call is moved onto one executor, so the session's state needs no locks and
 * media-core (which calls back under its room lock) is never called back into while that lock is held.
 */
final class RtcSession implements SignalSession, SubscriptionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RtcSession.class);

    private final RtcSessionManager manager;
    private final ParticipantInit init;
    private final EventExecutor executor;
    private ParticipantSession participant;
    private PublisherNegotiator publisher;
    private SubscriberNegotiator subscriber;
    private SessionRequests requests;
    private SignalOutput output;
    private boolean joinSent;
    private boolean resuming;
    private boolean closed;
    /** System.nanoTime() after which an unresumed session leaves, 0 while connected. */
    private long resumeDeadlineNanos;
    /** System.nanoTime() at which the next refresh_token is due, 0 before the join response. */
    private long nextRefreshNanos;
    private final Map<TrackId, Boolean> clientMutes = new HashMap<>();
    private final Map<SignalTarget, String> trickledUfrags = new EnumMap<>(SignalTarget.class);

    RtcSession(RtcSessionManager manager, ParticipantInit init, EventExecutor executor) {
        this.manager = manager;
        this.init = init;
        this.executor = executor;
    }

    /** Called on the executor right after the room admitted the participant. */
    void joined(ParticipantSession session) {
        this.participant = session;
        long sessionId = manager.random().nextLong() >>> 1;
        this.publisher = new PublisherNegotiator(session, manager.settings().capabilities(), manager.codecs(),
                sessionId);
        this.subscriber = new SubscriberNegotiator(session, manager.settings().capabilities(), manager.codecs(),
                sessionId + 1);
        this.requests = new SessionRequests(this, session, publisher);
    }

    ParticipantSession participant() {
        return participant;
    }

    ParticipantInit init() {
        return init;
    }

    EventExecutor executor() {
        return executor;
    }

    String logId() {
        return participant == null ? init.identity() : participant.info().id().value();
    }

    /** The client reconnects with {@code reconnect=1&sid=...}: the next attach is a resume. */
    boolean resume() {
        if (closed || participant == null || participant.isClosed()) {
            return false;
        }
        executor.execute(() -> resuming = true);
        return true;
    }

    @Override
    public void attach(SignalOutput newOutput) {
        executor.execute(() -> {
            if (closed) {
                newOutput.send(SignalResponse.newBuilder().setLeave(leave(LivekitModels.DisconnectReason.STATE_MISMATCH,
                        LeaveRequest.Action.RECONNECT)).build());
                newOutput.close(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "");
                return;
            }
            if (output != null && output != newOutput) {
                output.close(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "resumed on another connection");
            }
            output = newOutput;
            resumeDeadlineNanos = 0;
            if (!joinSent) {
                sendJoin();
            } else {
                sendResume();
            }
        });
    }

    private void sendJoin() {
        boolean subscriberPrimary = participant.info().permission().canSubscribe();
        send(SignalResponse.newBuilder().setJoin(JoinResponses.join(participant,
                manager.rooms().participants(participant.room().name()), manager.settings(), subscriberPrimary))
                .build());
        joinSent = true;
        participant.advanceState(ParticipantState.JOINED);
        nextRefreshNanos = System.nanoTime() + manager.settings().tokenRefresh().toNanos();
        offerIfDue();
    }

    private void sendResume() {
        resuming = false;
        send(SignalResponse.newBuilder().setReconnect(JoinResponses.reconnect(participant, manager.settings(),
                manager.data().lastReliableSequence(participant))).build());
        List<LivekitModels.ParticipantInfo> everyone = new ArrayList<>();
        for (ParticipantInfo p : manager.rooms().participants(participant.room().name())) {
            if (p.id().equals(participant.info().id()) || !p.permission().hidden()) {
                everyone.add(LiveKitInfos.participant(p));
            }
        }
        sendUpdate(everyone);
        subscriber.resumed();
        offerIfDue();
        LOG.atInfo().addKeyValue("room", participant.room().name().value()).addKeyValue("participant", logId())
                .log("signal session resumed");
    }

    @Override
    public void onRequest(SignalRequest request) {
        executor.execute(() -> {
            if (closed || participant == null) {
                return;
            }
            try {
                requests.handle(request);
            } catch (SdpParseException | IllegalArgumentException e) {
                manager.metrics().requestRejected(request.getMessageCase().name());
                LOG.atInfo().addKeyValue("participant", logId()).log("{} rejected: {}", request.getMessageCase(),
                        e.getMessage());
            } catch (RoomException e) {
                manager.metrics().requestRejected(request.getMessageCase().name());
                LOG.atDebug().addKeyValue("participant", logId()).log("{} refused: {}", request.getMessageCase(),
                        e.getMessage());
            } catch (RuntimeException e) {
                manager.metrics().requestFailed(request.getMessageCase().name());
                LOG.atWarn().addKeyValue("participant", logId()).setCause(e).log("{} failed", request.getMessageCase());
            }
        });
    }

    @Override
    public void detached(SignalOutput oldOutput, boolean clientLeft) {
        executor.execute(() -> {
            if (oldOutput != null && oldOutput != output) {
                return; // a connection that was already replaced by a resume
            }
            output = null;
            if (closed || participant == null) {
                return;
            }
            if (clientLeft || !joinSent) {
                leaveRoom(DisconnectReason.CLIENT_INITIATED);
                return;
            }
            resumeDeadlineNanos = System.nanoTime() + manager.settings().resumeWindow().toNanos();
        });
    }

    /**
     * The manager's periodic sweep (one timer for every session, not one per participant): leaves when a dropped
     * connection was not resumed in time, and sends {@code refresh_token} when due.
     */
    void tick(long nowNanos) {
        if (closed || participant == null) {
            return;
        }
        if (output == null && resumeDeadlineNanos != 0 && nowNanos - resumeDeadlineNanos >= 0) {
            LOG.atInfo().addKeyValue("room", participant.room().name().value()).addKeyValue("participant", logId())
                    .log("signal connection not resumed in time");
            leaveRoom(DisconnectReason.SIGNAL_CLOSE);
            return;
        }
        if (output != null && nextRefreshNanos != 0 && nowNanos - nextRefreshNanos >= 0) {
            nextRefreshNanos = nowNanos + manager.settings().tokenRefresh().toNanos();
            refreshToken();
        }
    }

    /** The client left, or the session gave up on it. */
    void leaveRoom(DisconnectReason reason) {
        if (closed) {
            return;
        }
        participant.leave(reason);
        close();
    }

    /**
     * The room removed this participant (server API, duplicate identity, room closed): tells the client why with
     * {@code leave} (§2.8) and ends the session.
     */
    void removed(DisconnectReason reason) {
        if (closed) {
            return;
        }
        if (reason != DisconnectReason.CLIENT_INITIATED && output != null) {
            send(SignalResponse.newBuilder().setLeave(leave(LiveKitInfos.disconnectReason(reason),
                    LeaveRequest.Action.DISCONNECT)).build());
            output.close(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "");
        }
        close();
    }

    private void close() {
        closed = true;
        manager.unregister(this);
    }

    static LeaveRequest leave(LivekitModels.DisconnectReason reason, LeaveRequest.Action action) {
        return LeaveRequest.newBuilder().setReason(reason).setAction(action)
                .setCanReconnect(action != LeaveRequest.Action.DISCONNECT).build();
    }

    // --- SubscriptionListener: called from any thread, possibly under the room's lock ---

    @Override
    public void trackSubscribed(SubscriptionInfo subscription, TrackInfo track) {
        executor.execute(() -> {
            if (!closed && subscriber != null) {
                subscriber.subscribed(subscription, track);
                offerIfDue();
            }
        });
    }

    @Override
    public void trackUnsubscribed(TrackId track) {
        executor.execute(() -> {
            if (!closed && subscriber != null) {
                subscriber.unsubscribed(track);
                offerIfDue();
            }
        });
    }

    // --- on the executor ---

    /** A track of the room changed; a subscription waiting for its publisher's negotiation may now be offered. */
    void trackChanged(TrackInfo track) {
        subscriber.trackChanged(track);
        offerIfDue();
    }

    void answered(SessionDescription answer) {
        subscriber.answered(RtcSessionManager.parseSdp(answer.getSdp()), answer.getId());
        offerIfDue();
    }

    void offerIfDue() {
        if (output == null || !joinSent || resuming) {
            return;
        }
        subscriber.nextOffer().ifPresent(offer -> {
            send(SignalResponse.newBuilder().setOffer(SessionDescription.newBuilder().setType("offer")
                    .setSdp(offer.description().toSdp()).setId(offer.id()).putAllMidToTrackId(offer.midToTrackId()))
                    .build());
            trickle(offer.transport(), SubscriberNegotiator.FIRST_MID, SignalTarget.SUBSCRIBER);
        });
    }

    /** Trickles Osprey's candidates once per set of ICE credentials of each peer connection. */
    void trickle(TransportDescription transport, String mid, SignalTarget target) {
        String ufrag = transport.ufrag().ufrag();
        if (ufrag.equals(trickledUfrags.put(target, ufrag))) {
            return;
        }
        for (TrickleRequest t : Trickles.of(transport, mid, target)) {
            send(SignalResponse.newBuilder().setTrickle(t).build());
        }
    }

    void sendUpdate(List<LivekitModels.ParticipantInfo> participants) {
        if (!participants.isEmpty()) {
            send(SignalResponse.newBuilder().setUpdate(livekit.LivekitRtc.ParticipantUpdate.newBuilder()
                    .addAllParticipants(participants)).build());
        }
    }

    void send(SignalResponse response) {
        SignalOutput out = output;
        if (out != null && joinSent || out != null && response.hasJoin()) {
            out.send(response);
        }
    }

    /** The client asked to (un)mute one of its tracks; its own request is not echoed back as a remote mute. */
    void clientMuted(TrackId track, boolean muted) {
        clientMutes.put(track, muted);
    }

    /** One of its tracks was muted or unmuted; when not at its own request, the client is asked to follow. */
    void ownTrackMuted(TrackInfo track) {
        Boolean requested = clientMutes.get(track.id());
        if (requested == null || requested != track.muted()) {
            clientMutes.put(track.id(), track.muted());
            send(SignalResponse.newBuilder().setMute(MuteTrackRequest.newBuilder().setSid(track.id().value())
                    .setMuted(track.muted())).build());
        }
    }

    /** One of its tracks was unpublished (by the server API or a permission change): the client is told. */
    void ownTrackUnpublished(TrackInfo track) {
        clientMutes.remove(track.id());
        publisher.unpublished(track.id());
        send(SignalResponse.newBuilder().setTrackUnpublished(TrackUnpublishedResponse.newBuilder()
                .setTrackSid(track.id().value())).build());
    }

    boolean isClosed() {
        return closed;
    }

    private void refreshToken() {
        try {
            send(SignalResponse.newBuilder().setRefreshToken(manager.issuer().issue(init.apiKey(),
                    init.grants(), manager.settings().tokenTtl())).build());
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("participant", logId()).log("token not refreshed: {}", e.getMessage());
        }
    }
}
