package dev.osprey.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the Bedrud-compatible control API, one nested record per section of Bedrud's {@code config.yaml}
 * (bedrud-api.md §5). Only the {@code server} module reads YAML and maps it onto this record; {@link #defaults()}
 * holds the contract's defaults. Secrets have no default: {@link ControlApiServer#start()} refuses to run without them.
 *
 * @param server    HTTP listener, public identity and body limit
 * @param database  SQLite (default) or PostgreSQL connection
 * @param auth      session JWTs, cookies and e-mail flows
 * @param features  registration and guest toggles
 * @param livekit   the LiveKit-compatible media server the rooms live on
 * @param cors      cross-origin policy of the API
 * @param rateLimit per-IP request budgets (0 disables a limiter)
 * @param limits    room caps
 * @param uploads   avatars and chat attachments on disk
 * @param oauth     sign-in providers ({@code google}, {@code github})
 */
public record ControlApiConfig(Server server, Database database, Auth auth, Features features, LiveKit livekit,
                               Cors cors, RateLimit rateLimit, Limits limits, Uploads uploads, OAuth oauth) {

    public ControlApiConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(livekit, "livekit");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(uploads, "uploads");
        Objects.requireNonNull(oauth, "oauth");
    }

    /** The contract's defaults: port 8090, SQLite at {@code data/osprey.db}, 24 h access tokens, no secrets. */
    public static ControlApiConfig defaults() {
        return new ControlApiConfig(
                new Server("0.0.0.0", 8090, "", false, false, "Osprey", 10L * 1024 * 1024),
                new Database(Database.Type.SQLITE, Path.of("data", "osprey.db"), "localhost", 5432, "", "", "osprey",
                        "disable", "", 10),
                new Auth("", "", 24, "", false, 24, 1, 2),
                new Features(true, false, true),
                new LiveKit("ws://localhost:7880", "http://127.0.0.1:7880", "", "", false),
                new Cors(List.of(), List.of("Origin", "Content-Type", "Accept", "Authorization"),
                        List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"), false, List.of(), 0),
                new RateLimit(new RateLimit.Limit(10, 60), new RateLimit.Limit(3, 60), new RateLimit.Limit(5, 60),
                        new RateLimit.Limit(30, 60)),
                new Limits(1000, 100),
                new Uploads(Path.of("data", "uploads"), 512_000, 8192, 500L * 1024 * 1024, 0),
                new OAuth(java.util.Map.of()));
    }

    public ControlApiConfig withServer(Server value) {
        return new ControlApiConfig(value, database, auth, features, livekit, cors, rateLimit, limits, uploads, oauth);
    }

    public ControlApiConfig withDatabase(Database value) {
        return new ControlApiConfig(server, value, auth, features, livekit, cors, rateLimit, limits, uploads, oauth);
    }

    public ControlApiConfig withAuth(Auth value) {
        return new ControlApiConfig(server, database, value, features, livekit, cors, rateLimit, limits, uploads, oauth);
    }

    public ControlApiConfig withFeatures(Features value) {
        return new ControlApiConfig(server, database, auth, value, livekit, cors, rateLimit, limits, uploads, oauth);
    }

    public ControlApiConfig withLivekit(LiveKit value) {
        return new ControlApiConfig(server, database, auth, features, value, cors, rateLimit, limits, uploads, oauth);
    }

    public ControlApiConfig withCors(Cors value) {
        return new ControlApiConfig(server, database, auth, features, livekit, value, rateLimit, limits, uploads, oauth);
    }

    public ControlApiConfig withRateLimit(RateLimit value) {
        return new ControlApiConfig(server, database, auth, features, livekit, cors, value, limits, uploads, oauth);
    }

    public ControlApiConfig withUploads(Uploads value) {
        return new ControlApiConfig(server, database, auth, features, livekit, cors, rateLimit, limits, value, oauth);
    }

    public ControlApiConfig withOAuth(OAuth value) {
        return new ControlApiConfig(server, database, auth, features, livekit, cors, rateLimit, limits, uploads, value);
    }

    public ControlApiConfig withLimits(Limits value) {
        return new ControlApiConfig(server, database, auth, features, livekit, cors, rateLimit, value, uploads, oauth);
    }

    /**
     * @param host          bind address ({@code 0.0.0.0})
     * @param port          bind port (8090; 0 picks an ephemeral port)
     * @param domain        public domain: cookie {@code Domain} when non-empty
     * @param enableTls     TLS terminates here (cookies become {@code Secure; SameSite=None})
     * @param behindProxy   a TLS proxy fronts the API (same cookie effect; client IP from {@code X-Forwarded-For})
     * @param serverName    instance name shown by {@code /api/auth/settings}
     * @param bodyLimitBytes largest accepted request body (Bedrud: chat upload limit, never below 2 MiB)
     * @param certFile      PEM certificate of the TLS listener ({@code /api/cert}, {@code /api/admin/cert-info});
     *                      empty: Bedrud's {@code /etc/bedrud/cert.pem}
     * @param keyFile       PEM private key of that certificate; empty: {@code /etc/bedrud/key.pem}
     */
    public record Server(String host, int port, String domain, boolean enableTls, boolean behindProxy,
                         String serverName, long bodyLimitBytes, String certFile, String keyFile) {
        public Server {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("server.port out of range: " + port);
            }
        }

        /** Without certificate files (Bedrud's default paths apply). */
        public Server(String host, int port, String domain, boolean enableTls, boolean behindProxy, String serverName,
                      long bodyLimitBytes) {
            this(host, port, domain, enableTls, behindProxy, serverName, bodyLimitBytes, "", "");
        }

        /** Bedrud never lets the body limit fall below 2 MiB. */
        public long effectiveBodyLimitBytes() {
            return Math.max(bodyLimitBytes, 2L * 1024 * 1024);
        }

        public Server withPort(int value) {
            return new Server(host, value, domain, enableTls, behindProxy, serverName, bodyLimitBytes, certFile,
                    keyFile);
        }

        public Server withTls(boolean enabled, String cert, String key) {
            return new Server(host, port, domain, enabled, behindProxy, serverName, bodyLimitBytes, cert, key);
        }

        /** The certificate path in use, Bedrud's default when none is configured. */
        public java.nio.file.Path certPath() {
            return java.nio.file.Path.of(certFile.isBlank() ? "/etc/bedrud/cert.pem" : certFile);
        }

        /** The key path in use, Bedrud's default when none is configured. */
        public java.nio.file.Path keyPath() {
            return java.nio.file.Path.of(keyFile.isBlank() ? "/etc/bedrud/key.pem" : keyFile);
        }
    }

    /**
     * @param type        SQLite (default) or PostgreSQL
     * @param path        SQLite file (its directory is created; WAL journal)
     * @param host        PostgreSQL host
     * @param port        PostgreSQL port
     * @param user        PostgreSQL user
     * @param password    PostgreSQL password
     * @param name        PostgreSQL database name
     * @param sslMode     PostgreSQL {@code sslmode}
     * @param url         explicit JDBC URL; when non-empty it replaces path/host/port/name
     * @param maxPoolSize PostgreSQL pool size (SQLite always uses one connection, as Bedrud does)
     */
    public record Database(Type type, Path path, String host, int port, String user, String password, String name,
                           String sslMode, String url, int maxPoolSize) {
        public enum Type { SQLITE, POSTGRES }

        public Database {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sslMode, "sslMode");
            Objects.requireNonNull(url, "url");
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("database.maxPoolSize must be positive");
            }
        }

        /** The JDBC URL this configuration connects to. */
        public String jdbcUrl() {
            if (!url.isEmpty()) {
                return url;
            }
            return switch (type) {
                case SQLITE -> "jdbc:sqlite:" + path;
                case POSTGRES -> "jdbc:postgresql://" + host + ":" + port + "/" + name + "?sslmode=" + sslMode;
            };
        }

        public static Database sqlite(Path file) {
            return new Database(Type.SQLITE, file, "localhost", 5432, "", "", "osprey", "disable", "", 10);
        }

        public static Database postgres(String jdbcUrl, String user, String password) {
            return new Database(Type.POSTGRES, Path.of("unused"), "localhost", 5432, user, password, "osprey",
                    "disable", jdbcUrl, 10);
        }
    }

    /**
     * @param jwtSecret                         HS256 key of Bedrud's session JWTs (required)
     * @param sessionSecret                     HMAC key of the guest identity cookie (required)
     * @param tokenDurationHours                access-token lifetime (24)
     * @param frontendUrl                       base of links in e-mails and of the OAuth redirect
     * @param requireEmailVerification          gate sign-in and the API on a verified address
     * @param verificationTokenTtlHours         lifetime of e-mail verification links (24)
     * @param resetTokenTtlHours                lifetime of password-reset links (1)
     * @param verificationEmailCooldownMinutes  silent cooldown between verification e-mails (2)
     */
    public record Auth(String jwtSecret, String sessionSecret, int tokenDurationHours, String frontendUrl,
                       boolean requireEmailVerification, int verificationTokenTtlHours, int resetTokenTtlHours,
                       int verificationEmailCooldownMinutes) {
        public Auth {
            Objects.requireNonNull(jwtSecret, "jwtSecret");
            Objects.requireNonNull(sessionSecret, "sessionSecret");
            Objects.requireNonNull(frontendUrl, "frontendUrl");
            if (tokenDurationHours < 1) {
                throw new IllegalArgumentException("auth.tokenDuration must be at least one hour");
            }
        }

        public Auth withSecrets(String jwt, String session) {
            return new Auth(jwt, session, tokenDurationHours, frontendUrl, requireEmailVerification,
                    verificationTokenTtlHours, resetTokenTtlHours, verificationEmailCooldownMinutes);
        }

        public Auth withRequireEmailVerification(boolean value) {
            return new Auth(jwtSecret, sessionSecret, tokenDurationHours, frontendUrl, value,
                    verificationTokenTtlHours, resetTokenTtlHours, verificationEmailCooldownMinutes);
        }
    }

    /**
     * @param registrationEnabled   self-service sign-up (and guest login, which is a registration)
     * @param tokenRegistrationOnly sign-up needs an admin-issued invite token
     * @param guestLoginEnabled     {@code /auth/guest-login} and {@code /room/guest-join}
     */
    public record Features(boolean registrationEnabled, boolean tokenRegistrationOnly, boolean guestLoginEnabled) {
    }

    /**
     * @param host         URL the browser connects LiveKit to (returned as {@code livekitHost})
     * @param internalHost URL of the Twirp API in external mode
     * @param apiKey       API key: issuer of join tokens and expected issuer of webhooks
     * @param apiSecret    HS256 key of join tokens and webhook signatures
     * @param external     drive a separate LiveKit-compatible server instead of Osprey's own SFU
     * @param signalingUrl base URL ({@code http://host:port}) of the LiveKit signaling that {@code /livekit/*} on
     *                     the API port is proxied to, as Bedrud proxies its embedded LiveKit; empty: no proxy
     */
    public record LiveKit(String host, String internalHost, String apiKey, String apiSecret, boolean external,
                          String signalingUrl) {
        public LiveKit {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(internalHost, "internalHost");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
            Objects.requireNonNull(signalingUrl, "signalingUrl");
        }

        /**
         * Bedrud's rule for the proxy target: in embedded mode {@code /livekit} reaches the local server at
         * {@code internalHost}; in external mode there is no proxy (the browser is given the external URL).
         */
        public LiveKit(String host, String internalHost, String apiKey, String apiSecret, boolean external) {
            this(host, internalHost, apiKey, apiSecret, external, external ? "" : internalHost);
        }

        public LiveKit withSignalingUrl(String value) {
            return new LiveKit(host, internalHost, apiKey, apiSecret, external, value);
        }
    }

    /**
     * @param allowedOrigins   origins allowed ({@code *} for any); empty disables CORS headers
     * @param allowedHeaders   request headers allowed
     * @param allowedMethods   methods allowed
     * @param allowCredentials send {@code Access-Control-Allow-Credentials} (refused together with {@code *})
     * @param exposeHeaders    response headers exposed
     * @param maxAgeSeconds    preflight cache lifetime (0 = not sent)
     */
    public record Cors(List<String> allowedOrigins, List<String> allowedHeaders, List<String> allowedMethods,
                       boolean allowCredentials, List<String> exposeHeaders, int maxAgeSeconds) {
        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedHeaders = List.copyOf(allowedHeaders);
            allowedMethods = List.copyOf(allowedMethods);
            exposeHeaders = List.copyOf(exposeHeaders);
            if (allowCredentials && allowedOrigins.contains("*")) {
                throw new IllegalArgumentException("cors.allowCredentials cannot be combined with origin '*'");
            }
        }
    }

    /**
     * Per-IP budgets, Bedrud's four limiters.
     *
     * @param auth   sign-in, sign-up, refresh, reset (10 per 60 s)
     * @param resend verification e-mail resend (3 per 60 s)
     * @param guest  guest join and room check (5 per 60 s)
     * @param api    room creation, token refresh, presence (30 per 60 s)
     */
    public record RateLimit(Limit auth, Limit resend, Limit guest, Limit api) {
        /** @param maxRequests requests per window (0 disables); @param windowSeconds window length */
        public record Limit(int maxRequests, int windowSeconds) {
            public static final Limit DISABLED = new Limit(0, 60);
        }

        public static RateLimit disabled() {
            return new RateLimit(Limit.DISABLED, Limit.DISABLED, Limit.DISABLED, Limit.DISABLED);
        }
    }

    /**
     * @param maxParticipantsLimit the largest {@code maxParticipants} a room may ask for (1000)
     * @param maxRoomsPerUser      active rooms one non-superadmin may own (100)
     */
    public record Limits(int maxParticipantsLimit, int maxRoomsPerUser) {
    }

    /**
     * Bedrud's {@code chat.uploads} (and its avatar store); the largest chat upload is {@link Server#bodyLimitBytes}.
     *
     * @param dir                  where avatars ({@code avatars/}) and chat files ({@code chat/}) are kept
     * @param inlineMaxBytes       chat images smaller than this travel inline as {@code data:} URLs (512000)
     * @param maxDimension         widest or tallest chat image accepted, in pixels (8192)
     * @param maxBytesPerUser      chat bytes one user may store, superadmins exempt (500 MiB; 0 = no quota)
     * @param globalThresholdBytes chat bytes stored in all, beyond which uploads are refused (0 = no limit)
     */
    public record Uploads(Path dir, long inlineMaxBytes, int maxDimension, long maxBytesPerUser,
                          long globalThresholdBytes) {
        public Uploads {
            Objects.requireNonNull(dir, "dir");
            if (inlineMaxBytes < 0 || maxDimension < 1 || maxBytesPerUser < 0 || globalThresholdBytes < 0) {
                throw new IllegalArgumentException("uploads limits must not be negative");
            }
        }
    }

    /**
     * Bedrud's {@code auth.google|github|twitter} sign-in providers, by name. A provider is offered when its client id
     * and secret are set and are not placeholders; admin settings ({@code googleClientId} …) override these at run
     * time.
     *
     * @param providers provider name → client
     */
    public record OAuth(java.util.Map<String, Client> providers) {
        public OAuth {
            providers = java.util.Map.copyOf(providers);
        }

        /**
         * An OAuth 2.0 client (RFC 6749) of one provider, with the provider's endpoints.
         *
         * @param clientId     the client identifier
         * @param clientSecret the client secret
         * @param redirectUrl  the registered callback; empty: {@code <origin>/api/auth/<provider>/callback}
         * @param authorizeUrl authorization endpoint (RFC 6749 section 3.1)
         * @param tokenUrl     token endpoint (RFC 6749 section 3.2)
         * @param userInfoUrl  the provider's profile endpoint
         * @param emailsUrl    where a provider lists the account's addresses (GitHub), or empty
         */
        public record Client(String clientId, String clientSecret, String redirectUrl, String authorizeUrl,
                             String tokenUrl, String userInfoUrl, String emailsUrl) {
            public Client {
                Objects.requireNonNull(clientId, "clientId");
                Objects.requireNonNull(clientSecret, "clientSecret");
                Objects.requireNonNull(redirectUrl, "redirectUrl");
                Objects.requireNonNull(authorizeUrl, "authorizeUrl");
                Objects.requireNonNull(tokenUrl, "tokenUrl");
                Objects.requireNonNull(userInfoUrl, "userInfoUrl");
                Objects.requireNonNull(emailsUrl, "emailsUrl");
            }

            /** Google's OpenID Connect endpoints. */
            public static Client google(String clientId, String clientSecret, String redirectUrl) {
                return new Client(clientId, clientSecret, redirectUrl, "https://accounts.google.com/o/oauth2/v2/auth",
                        "https://oauth2.googleapis.com/token", "https://openidconnect.googleapis.com/v1/userinfo", "");
            }

            /** GitHub's OAuth app endpoints. */
            public static Client github(String clientId, String clientSecret, String redirectUrl) {
                return new Client(clientId, clientSecret, redirectUrl, "https://github.com/login/oauth/authorize",
                        "https://github.com/login/oauth/access_token", "https://api.github.com/user",
                        "https://api.github.com/user/emails");
            }

            public Client withCredentials(String id, String secret, String redirect) {
                return new Client(id, secret, redirect, authorizeUrl, tokenUrl, userInfoUrl, emailsUrl);
            }
        }
    }
}
