package dev.osprey.signaling.twirp;

import dev.osprey.signaling.api.RoomServiceException;

/**
 * Twirp's error codes (Twirp wire protocol v7, "Error codes") with the HTTP status a server answers each with.
 * Clients read the code from the JSON body; the status is what proxies and logs see.
 */
public enum TwirpErrorCode {
    CANCELED("canceled", 408),
    UNKNOWN("unknown", 500),
    INVALID_ARGUMENT("invalid_argument", 400),
    MALFORMED("malformed", 400),
    DEADLINE_EXCEEDED("deadline_exceeded", 408),
    NOT_FOUND("not_found", 404),
    BAD_ROUTE("bad_route", 404),
    ALREADY_EXISTS("already_exists", 409),
    PERMISSION_DENIED("permission_denied", 403),
    UNAUTHENTICATED("unauthenticated", 401),
    RESOURCE_EXHAUSTED("resource_exhausted", 429),
    FAILED_PRECONDITION("failed_precondition", 412),
    ABORTED("aborted", 409),
    OUT_OF_RANGE("out_of_range", 400),
    UNIMPLEMENTED("unimplemented", 501),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503),
    DATA_LOSS("dataloss", 500);

    private final String wireName;
    private final int httpStatus;

    TwirpErrorCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The code as it appears in the error body's {@code code} field. */
    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The Twirp code a room service failure is answered with. */
    public static TwirpErrorCode of(RoomServiceException.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT -> INVALID_ARGUMENT;
            case UNAUTHENTICATED -> UNAUTHENTICATED;
            case PERMISSION_DENIED -> PERMISSION_DENIED;
            case NOT_FOUND -> NOT_FOUND;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
            case FAILED_PRECONDITION -> FAILED_PRECONDITION;
            case RESOURCE_EXHAUSTED -> RESOURCE_EXHAUSTED;
            case INTERNAL -> INTERNAL;
            case UNIMPLEMENTED -> UNIMPLEMENTED;
            case UNAVAILABLE -> UNAVAILABLE;
            case DEADLINE_EXCEEDED -> DEADLINE_EXCEEDED;
        };
    }
}
