package dev.osprey.signaling.session;

import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantId;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.Rooms;
import dev.osprey.signaling.auth.AccessTokenIssuer;
import dev.osprey.signaling.data.DataPacketRouter;
import dev.osprey.signaling.join.ConnectRejection;
import dev.osprey.signaling.join.ParticipantInit;
import dev.osprey.signaling.sdp.SdpLimits;
import dev.osprey.signaling.sdp.SdpParser;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.ws.SignalSession;
import dev.osprey.signaling.ws.SignalSessionFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Admits participants into media-core's rooms and keeps their signal sessions: by participant sid for resume
 * (livekit-protocol.md §2.9) and by room for the updates of §2.8, which {@link SessionRoomEvents} fans out.
 * The composition root registers that fan-out as a room listener.
 */
public final class RtcSessionManager implements SignalSessionFactory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtcSessionManager.class);
    private static final SdpParser SDP = new SdpParser(SdpLimits.DEFAULT);
    static final String ROOM_NOT_FOUND = "requested room does not exist";
    static final String ROOM_FULL = "room has exceeded its max participants";

    private final Rooms rooms;
    private final DataPacketRouter data;
    private final SessionSettings settings;
    private final SessionMetrics metrics;
    private final AccessTokenIssuer issuer;
    private final PublishedCodecs codecs = new PublishedCodecs();
    private final RandomGenerator random = new SecureRandom();
    private final ConcurrentHashMap<ParticipantId, RtcSession> byParticipant = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RoomName, Set<RtcSession>> byRoom = new ConcurrentHashMap<>();
    private final SessionRoomEvents events = new SessionRoomEvents(this);
    private ScheduledFuture<?> sweeper;

    /** @param data relays each participant's data channel messages (LiveKit DataPackets) once it joined */
    public RtcSessionManager(Rooms rooms, SessionSettings settings, DataPacketRouter data, MeterRegistry registry) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = new SessionMetrics(registry, byParticipant::size);
        this.issuer = new AccessTokenIssuer(settings.apiKeys(), Clock.systemUTC());
    }

    /**
     * Starts the one periodic sweep of every session (resume deadlines, token refresh) on {@code timer}; its period
     * is a fraction of the shortest interval it serves, at most a second.
     */
    public synchronized void start(ScheduledExecutorService timer) {
        if (sweeper == null) {
            long period = Math.min(Duration.ofSeconds(1).toNanos(), Math.min(settings.resumeWindow().toNanos() / 4,
                    settings.tokenRefresh().toNanos() / 2));
            sweeper = timer.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (RtcSession s : byParticipant.values()) {
            s.executor().execute(() -> s.tick(now));
        }
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.cancel(false);
            sweeper = null;
        }
    }

    /** The room listener that turns room events into signal updates; register it with the room registry. */
    public SessionRoomEvents roomEvents() {
        return events;
    }

    @Override
    public SignalSession open(ParticipantInit init, EventExecutor executor) throws ConnectRejection {
        if (init.reconnect() && init.participantSid() != null && !init.participantSid().isEmpty()) {
            return resume(init);
        }
        RtcSession session = new RtcSession(this, init, executor);
        RoomName room = new RoomName(init.roomName());
        ParticipantSession participant;
        long started = System.nanoTime();
        try {
            participant = rooms.join(room, joinRequest(init), session);
        } catch (RoomException e) {
            metrics.joinRefused(e.reason().name());
            throw switch (e.reason()) {
                case ROOM_NOT_FOUND, ROOM_CLOSED -> new ConnectRejection(404, ROOM_NOT_FOUND);
                case ROOM_FULL -> new ConnectRejection(429, ROOM_FULL);
                case PERMISSION_DENIED -> new ConnectRejection(401, e.getMessage());
                default -> new ConnectRejection(400, e.getMessage());
            };
        } catch (IllegalArgumentException e) {
            metrics.joinRefused("INVALID_REQUEST");
            throw new ConnectRejection(400, e.getMessage());
        }
        session.joined(participant);
        data.attach(participant);
        byParticipant.put(participant.info().id(), session);
        byRoom.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
        metrics.joined(System.nanoTime() - started);
        LOG.atInfo().addKeyValue("room", room.value()).addKeyValue("participant", participant.info().id().value())
                .addKeyValue("identity", init.identity()).log("participant joined");
        return session;
    }

    private SignalSession resume(ParticipantInit init) {
        RtcSession existing = null;
        try {
            existing = byParticipant.get(new ParticipantId(init.participantSid()));
        } catch (IllegalArgumentException notASid) {
            LOG.debug("resume with a malformed sid {}", init.participantSid());
        }
        if (existing != null && existing.init().identity().equals(init.identity())
                && existing.init().roomName().equals(init.roomName()) && existing.resume()) {
            metrics.resumed(true);
            return existing;
        }
        metrics.resumed(false);
        return new StaleSession();
    }

    private static JoinRequest joinRequest(ParticipantInit init) {
        var grants = init.grants();
        return new JoinRequest(new ParticipantIdentity(init.identity()), grants.name(), grants.metadata(),
                grants.attributes(), TrackRequests.permission(grants.video()), init.autoSubscribe());
    }

    /** Runs {@code action} on the executor of every session in {@code room}. */
    void forEachInRoom(RoomName room, Consumer<RtcSession> action) {
        Set<RtcSession> sessions = byRoom.get(room);
        if (sessions == null) {
            return;
        }
        for (RtcSession s : sessions) {
            s.executor().execute(() -> {
                if (!s.isClosed()) {
                    try {
                        action.accept(s);
                    } catch (RuntimeException e) {
                        LOG.atWarn().addKeyValue("participant", s.logId()).setCause(e).log("room event not delivered");
                    }
                }
            });
        }
    }

    /** The session of a participant, if it is still signalling. */
    RtcSession session(ParticipantId participant) {
        return byParticipant.get(participant);
    }

    void unregister(RtcSession session) {
        ParticipantSession participant = session.participant();
        if (participant == null) {
            return;
        }
        byParticipant.remove(participant.info().id(), session);
        RoomName room = participant.room().name();
        byRoom.computeIfPresent(room, (r, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    static SessionDescription parseSdp(String sdp) {
        return SDP.parse(sdp);
    }

    Rooms rooms() {
        return rooms;
    }

    SessionSettings settings() {
        return settings;
    }

    SessionMetrics metrics() {
        return metrics;
    }

    DataPacketRouter data() {
        return data;
    }

    AccessTokenIssuer issuer() {
        return issuer;
    }

    PublishedCodecs codecs() {
        return codecs;
    }

    RandomGenerator random() {
        return random;
    }

    /** The sessions still signalling (tests, shutdown). */
    List<RtcSession> sessions() {
        return List.copyOf(byParticipant.values());
    }
}
