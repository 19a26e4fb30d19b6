package dev.osprey.control;

import dev.osprey.control.http.ApiException;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.control.http.Guard;
import dev.osprey.control.http.Reply;
import dev.osprey.control.settings.ServerCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public system routes of bedrud-api.md §2.1 beside health: the TLS certificate download ({@code GET /api/cert},
 * public because every TLS client receives it anyway) and the WebXDC configuration, which reports the experimental
 * feature as off (Osprey does not serve WebXDC apps).
 */
final class SystemEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(SystemEndpoints.class);
    private final ControlContext ctx;

    SystemEndpoints(ControlContext ctx) {
        this.ctx = ctx;
    }

    void register(ApiRouter api) {
        api.get("/api/cert", Guard.NONE, call -> certificate());
        api.get("/api/webxdc/config", Guard.NONE, call -> {
            Map<String, Object> webxdc = new LinkedHashMap<>();
            webxdc.put("enabled", false);
            webxdc.put("experimental", true);
            return Reply.ok(Map.of("webxdc", webxdc));
        });
    }

    private Reply certificate() {
        var server = ctx.config().server();
        if (!server.enableTls()) {
            throw ApiException.notFound("TLS not enabled");
        }
        try {
            byte[] pem = ServerCertificate.readPem(server.certPath());
            return Reply.bytes(200, "application/x-pem-file", pem)
                    .header("Content-Disposition", "attachment; filename=osprey-cert.pem");
        } catch (ServerCertificate.Problem e) {
            if (e.getMessage().equals("Certificate file is invalid")) {
                LOG.error("{} does not hold a PEM certificate", server.certPath());
                throw ApiException.internal("Certificate file is invalid");
            }
            LOG.warn("certificate not available for download: {}", e.getMessage());
            throw ApiException.notFound("Certificate not found");
        }
    }
}
