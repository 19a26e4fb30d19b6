package dev.osprey.control.admin;

import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.ControlContext;
import dev.osprey.control.auth.Inputs;
import dev.osprey.control.http.JsonBody;
import dev.osprey.control.livekit.TwirpRoomService;
import dev.osprey.signaling.api.RoomServiceException;
import dev.osprey.control.settings.ServerCertificate;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/admin/settings/validate} (bedrud-api.md §2.4): connectivity checks on a settings subset, without
 * saving it. Each present group yields {@code {status: ok|warning|error|skipped, message?}}: LiveKit (a
 * {@code ListRooms} call with the given key — a masked secret means the configured one), the TLS certificate pair,
 * S3 (not supported here: chat uploads are stored on disk) and the e-mail domain's MX records.
 */
final class SettingsChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ControlContext ctx;

    SettingsChecks(ControlContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> run(JsonBody body) {
        Map<String, Object> out = new LinkedHashMap<>();
        String host = body.stringOrEmpty("livekitHost").strip();
        String key = body.stringOrEmpty("livekitApiKey").strip();
        String secret = body.stringOrEmpty("livekitApiSecret");
        if (!host.isEmpty() || !key.isEmpty() || !secret.isEmpty()) {
            out.put("livekit", livekit(host, key, AdminSystemEndpoints.MASK.equals(secret)
                    ? ctx.config().livekit().apiSecret() : secret));
        }
        String cert = body.stringOrEmpty("serverCertFile").strip();
        String keyFile = body.stringOrEmpty("serverKeyFile").strip();
        if (!cert.isEmpty() || !keyFile.isEmpty()) {
            out.put("tls", tls(cert, keyFile));
        }
        if ("s3".equals(body.stringOrEmpty("chatUploadBackend")) || body.has("chatUploadS3Endpoint")
                || body.has("chatUploadS3Bucket")) {
            out.put("s3", result("error", "S3 storage is not supported by this server; chat uploads are kept on disk"));
        }
        String email = body.stringOrEmpty("serverEmail").strip();
        if (!email.isEmpty()) {
            out.put("email", email(email));
        }
        return out;
    }

    static Map<String, Object> result(String status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        if (message != null) {
            m.put("message", message);
        }
        return m;
    }

    private Map<String, Object> livekit(String host, String key, String secret) {
        if (host.isEmpty()) {
            return result("skipped", "no host provided");
        }
        if (key.isEmpty() || secret.isEmpty()) {
            return result("skipped", "apiKey or apiSecret empty");
        }
        try {
            TwirpRoomService probe = new TwirpRoomService(new ControlApiConfig.LiveKit(host, host, key, secret, true),
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build(),
                    ctx.clock());
            probe.listRooms(List.of()).toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return result("ok", null);
        } catch (ExecutionException e) {
            return result("error", e.getCause() instanceof RoomServiceException rse ? rse.getMessage()
                    : "connection failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return result("error", "connection failed: timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result("error", "interrupted");
        } catch (RuntimeException e) {
            return result("error", "invalid host: " + host);
        }
    }

    private Map<String, Object> tls(String cert, String key) {
        if (cert.isEmpty()) {
            return result("error", "certFile is empty");
        }
        if (key.isEmpty()) {
            return result("error", "keyFile is empty");
        }
        try {
            ServerCertificate.Info info = ServerCertificate.inspect(Path.of(cert), Path.of(key),
                    ctx.clock().instant());
            if ("expiring".equals(info.status())) {
                return result("warning", "Certificate expires in " + info.daysRemaining() + " days ("
                        + info.notAfter() + ")");
            }
            return result("ok", null);
        } catch (ServerCertificate.Problem e) {
            return result("error", e.getMessage());
        } catch (RuntimeException e) {
            return result("error", "invalid path");
        }
    }

    private static Map<String, Object> email(String address) {
        String canonical = Inputs.canonicalOrNull(address);
        if (canonical == null) {
            return result("error", "invalid email format");
        }
        String domain = canonical.substring(canonical.indexOf('@') + 1);
        try {
            if (!hasMx(domain)) {
                return result("warning", "domain \"" + domain + "\" has no MX records — email delivery may fail");
            }
            return result("ok", null);
        } catch (NamingException | RuntimeException e) {
            return result("warning", "domain \"" + domain + "\" has no MX records: " + e.getMessage()
                    + " — email delivery may fail");
        }
    }

    /** An MX lookup through the JDK's DNS naming provider, bounded to a few seconds. */
    private static boolean hasMx(String domain) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        InitialDirContext dns = new InitialDirContext(env);
        try {
            Attribute mx = dns.getAttributes(domain, new String[] {"MX"}).get("MX");
            return mx != null && mx.size() > 0;
        } finally {
            dns.close();
        }
    }
}
