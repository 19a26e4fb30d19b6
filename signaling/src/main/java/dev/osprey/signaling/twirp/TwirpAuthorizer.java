package dev.osprey.signaling.twirp;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.osprey.signaling.auth.AccessTokenException;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.auth.ClaimGrants;
import dev.osprey.signaling.auth.VideoGrant;

/**
 * LiveKit's server-API authorisation: {@code Authorization: Bearer <jwt>} verified like a join token, then the grant
 * of each method ({@code roomCreate}, {@code roomList}, or {@code roomAdmin} with {@code video.room} equal to the
 * request's room). livekit-server answers every grant failure {@code unauthenticated} with "permissions denied"
 * ({@code twirpAuthError}), and so does this; a token that does not verify is {@code unauthenticated} with the reason.
 */
public final class TwirpAuthorizer {

    /** livekit-server's {@code ErrPermissionDenied}. */
    public static final String PERMISSIONS_DENIED = "permissions denied";
    /** livekit-server's {@code ErrMissingAuthorization}. */
    static final String NOT_BEARER = "invalid authorization header. Must start with Bearer ";
    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;

    public TwirpAuthorizer(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Verifies the header's token, if there is a header.
     *
     * @return the token's grants, or {@code null} without an {@code Authorization} header (every method then fails
     *         {@link #authorize}, as in livekit-server, whose auth middleware lets such requests through grant-less)
     */
    public ClaimGrants authenticate(String authorization) throws TwirpException {
        if (authorization == null || authorization.isEmpty()) {
            return null;
        }
        if (!authorization.startsWith(BEARER)) {
            throw new TwirpException(TwirpErrorCode.UNAUTHENTICATED, NOT_BEARER);
        }
        try {
            return verifier.verify(authorization.substring(BEARER.length())).grants();
        } catch (AccessTokenException e) {
            throw new TwirpException(TwirpErrorCode.UNAUTHENTICATED, e.getMessage());
        }
    }

    /** Checks that {@code grants} allow {@code method} on {@code request}. */
    public static void authorize(RoomServiceMethod method, ClaimGrants grants, Message request) throws TwirpException {
        VideoGrant video = grants == null ? null : grants.video();
        if (video == null || !allows(method.grant(), video, request)) {
            throw new TwirpException(TwirpErrorCode.UNAUTHENTICATED, PERMISSIONS_DENIED);
        }
    }

    private static boolean allows(RoomServiceMethod.RequiredGrant grant, VideoGrant video, Message request) {
        return switch (grant) {
            case ROOM_CREATE -> video.roomCreate();
            case ROOM_LIST -> video.roomList();
            case ROOM_ADMIN -> video.roomAdmin() && video.room().equals(stringField(request, "room"));
            case ROOM_ADMIN_AND_DESTINATION -> video.roomAdmin() && video.room().equals(stringField(request, "room"))
                    && video.destinationRoom().equals(stringField(request, "destination_room"));
        };
    }

    /** The request's string field of that proto name; every admin request has {@code room}. */
    private static String stringField(Message request, String name) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
            throw new IllegalStateException(request.getDescriptorForType().getFullName() + " has no string " + name);
        }
        return (String) request.getField(field);
    }
}
