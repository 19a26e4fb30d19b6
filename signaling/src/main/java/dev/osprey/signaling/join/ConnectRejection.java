package dev.osprey.signaling.join;

/**
 * A join that must not proceed, with the HTTP status and plain-text reason LiveKit answers on {@code /rtc} and
 * {@code /rtc/validate} (the JS client maps 401/403 to NotAllowed with this text, 404 with "requested room does not
 * exist" to NotAllowed, other statuses to internal errors).
 */
public final class ConnectRejection extends Exception {

    private final int status;

    public ConnectRejection(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ConnectRejection unauthorized(String reason) {
        return new ConnectRejection(401, reason);
    }

    static ConnectRejection badRequest(String reason) {
        return new ConnectRejection(400, reason);
    }
}
