package dev.osprey.server;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.ControlApiServer;
import dev.osprey.control.livekit.TwirpRoomService;
import dev.osprey.server.config.OspreyConfig;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bedrud's REST API on {@code server.port}. Rooms are managed through LiveKit's RoomService over Twirp: at
 * {@code livekit.internalHost} in external mode, and at this process's own signaling port in embedded mode.
 */
final class ControlApiService implements Service {
    private final ControlApiConfig settings;
    private final ControlApiServer server;

    ControlApiService(OspreyConfig config, MeterRegistry registry) {
        this.settings = ControlApiSettings.from(config);
        this.server = new ControlApiServer(settings, TwirpRoomService.create(settings.livekit()), registry);
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
