package dev.osprey.server;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.server.config.DatabaseSection;
import dev.osprey.server.config.OAuthClientSection;
import dev.osprey.server.config.OspreyConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the process configuration onto the control API's own settings record. */
public final class ControlApiSettings {
    private ControlApiSettings() {
    }

    public static ControlApiConfig from(OspreyConfig c) {
        ControlApiConfig d = ControlApiConfig.defaults();
        return d.withServer(new ControlApiConfig.Server(c.server().host(), c.server().port(), "", false, false,
                        d.server().serverName(), d.server().bodyLimitBytes()))
                .withDatabase(database(c))
                .withAuth(new ControlApiConfig.Auth(c.auth().jwtSecret(), c.auth().sessionSecret(),
                        c.auth().tokenDuration(), c.auth().frontendUrl(), c.auth().requireEmailVerification(),
                        d.auth().verificationTokenTtlHours(), d.auth().resetTokenTtlHours(),
                        d.auth().verificationEmailCooldownMinutes()))
                .withLivekit(livekit(c))
                .withUploads(uploads(c, d.uploads()))
                .withOAuth(oauth(c));
    }

    /** Avatars and chat files live under {@code data_dir}, next to the SQLite database. */
    private static ControlApiConfig.Uploads uploads(OspreyConfig c, ControlApiConfig.Uploads d) {
        return new ControlApiConfig.Uploads(Path.of(c.dataDir(), "uploads"), d.inlineMaxBytes(), d.maxDimension(),
                d.maxBytesPerUser(), d.globalThresholdBytes());
    }

    private static ControlApiConfig.OAuth oauth(OspreyConfig c) {
        Map<String, ControlApiConfig.OAuth.Client> providers = new LinkedHashMap<>();
        OAuthClientSection google = c.auth().google();
        if (google.configured()) {
            providers.put("google", ControlApiConfig.OAuth.Client.google(google.clientId(), google.clientSecret(),
                    google.redirectUrl()));
        }
        OAuthClientSection github = c.auth().github();
        if (github.configured()) {
            providers.put("github", ControlApiConfig.OAuth.Client.github(github.clientId(), github.clientSecret(),
                    github.redirectUrl()));
        }
        return new ControlApiConfig.OAuth(providers);
    }

    private static ControlApiConfig.Database database(OspreyConfig c) {
        DatabaseSection db = c.database();
        Path file = db.path().isBlank() ? Path.of(c.dataDir(), "osprey.db") : Path.of(db.path());
        ControlApiConfig.Database.Type type = "sqlite".equals(db.type())
                ? ControlApiConfig.Database.Type.SQLITE : ControlApiConfig.Database.Type.POSTGRES;
        return new ControlApiConfig.Database(type, file, db.host(), db.port(), db.user(), db.password(), db.name(),
                db.sslMode(), "", 10);
    }

    /**
     * Embedded mode fills what is not configured from this process: browsers reach the signaling port, the API
     * key is the first of {@code keys}.
     */
    private static ControlApiConfig.LiveKit livekit(OspreyConfig c) {
        var lk = c.livekit();
        String host = c.rtc().nodeIp().isBlank() ? c.bindAddress() : c.rtc().nodeIp();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        Map.Entry<String, String> key = c.keys().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .findFirst().orElse(Map.entry("", ""));
        return new ControlApiConfig.LiveKit(
                lk.host().isBlank() ? "ws://" + host + ":" + c.port() : lk.host(),
                lk.internalHost().isBlank() ? "http://127.0.0.1:" + c.port() : lk.internalHost(),
                lk.apiKey().isBlank() ? key.getKey() : lk.apiKey(),
                lk.apiSecret().isBlank() ? key.getValue() : lk.apiSecret(),
                lk.external());
    }
}
