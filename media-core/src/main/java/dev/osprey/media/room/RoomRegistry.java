package dev.osprey.media.room;

import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.JoinRequest;
import dev.osprey.media.api.ParticipantIdentity;
import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomException;
import dev.osprey.media.api.RoomInfo;
import dev.osprey.media.api.RoomListener;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.Rooms;
import dev.osprey.media.api.SubscriptionListener;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.metrics.MediaMetrics;
import dev.osprey.media.transport.TransportServices;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The live rooms by name. Creation and lookup go through a concurrent map; each room guards itself. Timeouts are
 * enforced by {@link #sweep()}, which one periodic task on one event loop runs for every room ({@link #start}); no
 * room owns a timer or a thread.
 */
public final class RoomRegistry implements Rooms, AutoCloseable {
    private final ConcurrentHashMap<RoomName, Room> rooms = new ConcurrentHashMap<>();
    private final RoomContext context;
    private ScheduledFuture<?> sweeper;

    /**
     * @param random    source of sids and SSRCs; must be thread-safe (rooms use it concurrently), e.g. SecureRandom
     * @param nanoClock monotonic time for timeouts ({@code System::nanoTime} in production, a manual clock in tests)
     * @param wallClock wall-clock time shown to clients (creation and join times) and in sender reports
     * @param loops     the media event loops participants are spread over
     * @param meters    where room, participant, track and subscription meters go
     * @param transports what peer connection transports are built from; their event loops must be {@code loops}
     */
    public RoomRegistry(MediaCoreConfig config, RoomListener listener, Clock wallClock, LongSupplier nanoClock,
                        RandomGenerator random, MediaLoopGroup loops, MeterRegistry meters,
                        TransportServices transports) {
        this.context = new RoomContext(Objects.requireNonNull(config, "config"), wallClock, nanoClock, random,
                new RoomEvents(Objects.requireNonNull(listener, "listener")), Objects.requireNonNull(loops, "loops"),
                new MediaMetrics(meters), Objects.requireNonNull(transports, "transports"));
    }

    /**
     * A registry without networking: participants' media is fed and collected in-process (tests, benchmarks);
     * {@link dev.osprey.media.api.ParticipantTransports} refuse with {@link RoomException.Reason#INVALID_REQUEST}.
     */
    public RoomRegistry(MediaCoreConfig config, RoomListener listener, Clock wallClock, LongSupplier nanoClock,
                        RandomGenerator random, MediaLoopGroup loops, MeterRegistry meters) {
        this.context = new RoomContext(Objects.requireNonNull(config, "config"), wallClock, nanoClock, random,
                new RoomEvents(Objects.requireNonNull(listener, "listener")), Objects.requireNonNull(loops, "loops"),
                new MediaMetrics(meters), null);
    }

    /** Runs {@link #sweep()} periodically on {@code loop} until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService loop) {
        if (sweeper == null) {
            long period = context.config().roomSweepIntervalNanos();
            sweeper = loop.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public RoomInfo create(RoomName name, RoomSettings settings, String metadata) {
        return obtain(name, settings, metadata).info();
    }

    private Room obtain(RoomName name, RoomSettings settings, String metadata) {
        Room[] created = new Room[1];
        Room room = rooms.compute(name, (n, existing) -> {
            if (existing != null && !existing.isClosed()) {
                return existing;
            }
            created[0] = new Room(n, settings, metadata, context);
            return created[0];
        });
        if (created[0] != null) {
            context.events().roomStarted(room.info());
        }
        return room;
    }

    @Override
    public Optional<RoomInfo> find(RoomName name) {
        return live(name).map(Room::info);
    }

    @Override
    public List<RoomInfo> list() {
        List<RoomInfo> infos = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (!room.isClosed()) {
                infos.add(room.info());
            }
        }
        return infos;
    }

    @Override
    public List<ParticipantInfo> participants(RoomName name) {
        return live(name).map(Room::participantInfos).orElse(List.of());
    }

    @Override
    public boolean delete(RoomName name, RoomCloseReason reason) {
        Room room = rooms.get(name);
        if (room == null) {
            return false;
        }
        boolean closedNow = room.close(reason);
        rooms.remove(name, room);
        return closedNow;
    }

    @Override
    public ParticipantSession join(RoomName name, JoinRequest request, SubscriptionListener subscriptions) {
        for (int attempt = 0; ; attempt++) {
            Room room = context.config().autoCreateRooms()
                    ? obtain(name, context.config().defaultRoomSettings(), "")
                    : live(name).orElseThrow(() -> new RoomException(RoomException.Reason.ROOM_NOT_FOUND,
                            "requested room does not exist"));
            try {
                return room.admit(request, subscriptions);
            } catch (RoomException e) {
                // The room closed between lookup and admission; with auto-create a fresh one takes its name.
                if (e.reason() != RoomException.Reason.ROOM_CLOSED || !context.config().autoCreateRooms() || attempt > 2) {
                    throw e;
                }
                rooms.remove(name, room);
            }
        }
    }

    @Override
    public Optional<ParticipantSession> session(RoomName name, ParticipantIdentity identity) {
        return live(name).map(r -> r.participant(identity));
    }

    @Override
    public Optional<RoomInfo> updateMetadata(RoomName name, String metadata) {
        return live(name).map(r -> r.setMetadata(Objects.requireNonNull(metadata, "metadata")));
    }

    /** The registry's periodic work: closes every room whose timeout passed, and runs speaker detection. */
    public void sweep() {
        long now = context.nanoClock().getAsLong();
        for (Room room : rooms.values()) {
            RoomCloseReason reason = room.expiry(now);
            if (reason != null) {
                room.close(reason);
                rooms.remove(room.name(), room);
            } else {
                room.detectSpeakers(now);
            }
        }
    }

    /** The live room named {@code name} (internal: transports and media wiring). */
    public Optional<Room> room(RoomName name) {
        return live(name);
    }

    private Optional<Room> live(RoomName name) {
        Room room = rooms.get(name);
        return room == null || room.isClosed() ? Optional.empty() : Optional.of(room);
    }

    /** Stops the sweeper and closes every room with {@link RoomCloseReason#SERVER_SHUTDOWN}. */
    @Override
    public void close() {
        synchronized (this) {
            if (sweeper != null) {
                sweeper.cancel(false);
                sweeper = null;
            }
        }
        for (Room room : rooms.values()) {
            room.close(RoomCloseReason.SERVER_SHUTDOWN);
        }
        rooms.clear();
    }
}
