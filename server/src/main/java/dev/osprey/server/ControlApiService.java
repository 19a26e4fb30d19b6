package dev.osprey.server;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.ControlApiServer;
import dev.osprey.control.livekit.TwirpRoomService;
import dev.osprey.server.config.OspreyConfig;
import dev.osprey.signaling.api.RoomService;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bedrud's REST API on {@code server.port}. Rooms are managed through LiveKit's RoomService: the SFU's rooms in this
 * JVM in embedded mode, Twirp at {@code livekit.internalHost} in external mode.
 */
final class ControlApiService implements Service {
    private final ControlApiConfig settings;
    private final ControlApiServer server;

    /** @param embedded this process's rooms, used unless {@code livekit.external} */
    ControlApiService(OspreyConfig config, MeterRegistry registry, RoomService embedded) {
        this.settings = ControlApiSettings.from(config);
        this.server = new ControlApiServer(settings, settings.livekit().external()
                ? TwirpRoomService.create(settings.livekit()) : embedded, registry);
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public List<Listener> start() throws Exception {
        if (settings.database().type() == ControlApiConfig.Database.Type.SQLITE
                && settings.database().path().getParent() != null) {
            Files.createDirectories(settings.database().path().getParent());
        }
        String mode = settings.livekit().external() ? "external LiveKit at " + settings.livekit().internalHost()
                : "embedded SFU";
        return List.of(new Listener(name(), "http", server.start(),
                "Bedrud API /api (" + describe(settings.database()) + ", " + mode + ")"));
    }

    private static String describe(ControlApiConfig.Database db) {
        return db.type() == ControlApiConfig.Database.Type.SQLITE ? "SQLite " + Path.of("").toAbsolutePath()
                .relativize(db.path().toAbsolutePath()) : "PostgreSQL " + db.host() + "/" + db.name();
    }

    @Override
    public void close() {
        server.close();
    }
}
