package dev.osprey.signaling.api;

/** A {@link RoomService} failure carrying the Twirp error code that LiveKit would answer with. */
public final class RoomServiceException extends RuntimeException {

    /** Twirp error codes used by the room service, with the HTTP status Twirp maps each to. */
    public enum Code {
        INVALID_ARGUMENT("invalid_argument", 400),
        UNAUTHENTICATED("unauthenticated", 401),
        PERMISSION_DENIED("permission_denied", 403),
        NOT_FOUND("not_found", 404),
        ALREADY_EXISTS("already_exists", 409),
        FAILED_PRECONDITION("failed_precondition", 412),
        RESOURCE_EXHAUSTED("resource_exhausted", 429),
        INTERNAL("internal", 500),
        UNIMPLEMENTED("unimplemented", 501),
        UNAVAILABLE("unavailable", 503),
        DEADLINE_EXCEEDED("deadline_exceeded", 408);

        private final String twirpName;
        private final int httpStatus;

        Code(String twirpName, int httpStatus) {
            this.twirpName = twirpName;
            this.httpStatus = httpStatus;
        }

        public String twirpName() {
            return twirpName;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    /** LiveKit's message when the named room does not exist. */
    public static final String ROOM_NOT_FOUND = "requested room does not exist";
    /** LiveKit's message when the named participant is not in the room. */
    public static final String PARTICIPANT_NOT_FOUND = "participant does not exist";

    private final Code code;

    public RoomServiceException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public RoomServiceException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static RoomServiceException roomNotFound() {
        return new RoomServiceException(Code.NOT_FOUND, ROOM_NOT_FOUND);
    }

    public static RoomServiceException participantNotFound() {
        return new RoomServiceException(Code.NOT_FOUND, PARTICIPANT_NOT_FOUND);
    }
}
