package dev.osprey.server;

import dev.osprey.dtls.DtlsCertificate;
import dev.osprey.dtls.DtlsConfig;
import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.media.MediaCoreConfig;
import dev.osprey.media.api.RoomSettings;
import dev.osprey.media.api.Rooms;
import dev.osprey.media.loop.MediaLoopGroup;
import dev.osprey.media.room.RoomRegistry;
import dev.osprey.media.transport.TransportServices;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.sctp.SctpSettings;
import dev.osprey.server.config.OspreyConfig;
import dev.osprey.server.config.RoomSection;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The SFU: media-core's room registry over peer connection transports built from the ICE-lite agent's sockets, one
 * DTLS certificate for the process, and SCTP for data channels. Media runs on the same event loops as the sockets,
 * so a packet is received, forwarded and sent without a thread hop.
 */
final class MediaService implements Service {
    private final DtlsHandshaker handshaker;
    private final MediaLoopGroup loops;
    private final RoomRegistry rooms;
    private final RoomEventFanout events = new RoomEventFanout();
    private final EventLoopGroup group;

    MediaService(OspreyConfig config, EventLoopGroup group, IceService ice, MeterRegistry registry) {
        this.group = group;
        this.handshaker = new DtlsHandshaker(DtlsConfig.DEFAULT, DtlsCertificate.generate(),
                PooledByteBufAllocator.DEFAULT, registry);
        TransportServices transports = new TransportServices(ice.agent(), handshaker, SrtpPolicy.DEFAULT,
                new SrtpMetrics(registry), SctpEndpoint.create(SctpSettings.defaults()));
        MediaCoreConfig media = MediaCoreConfig.DEFAULT.withRooms(config.room().autoCreate(), roomSettings(config.room()));
        this.loops = MediaLoopGroup.of(group, System::nanoTime, media.tickIntervalNanos());
        this.rooms = new RoomRegistry(media, events, Clock.systemUTC(), System::nanoTime, new SecureRandom(), loops,
                registry, transports);
    }

    private static RoomSettings roomSettings(RoomSection room) {
        return new RoomSettings(room.emptyTimeout(), room.departureTimeout(), room.maxParticipants());
    }

    Rooms rooms() {
        return rooms;
    }

    /** Room events go to every listener added here (signal sessions, webhooks). */
    RoomEventFanout events() {
        return events;
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public List<Listener> start() {
        rooms.start(group.next());
        return List.of();
    }

    @Override
    public void close() {
        rooms.close();
        loops.close();
        handshaker.close();
    }
}
