package dev.osprey.signaling.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osprey.signaling.RoomDirectory;
import dev.osprey.signaling.auth.AccessTokenException;
import dev.osprey.signaling.auth.AccessTokenVerifier;
import dev.osprey.signaling.auth.ClaimGrants;
import dev.osprey.signaling.auth.VerifiedToken;
import dev.osprey.signaling.auth.VideoGrant;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitRoom.CreateRoomRequest;
import livekit.LivekitRoom.RoomConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LiveKit's join checks, in LiveKit's order and with its statuses and texts ({@code rtcservice.go validateInternal},
 * {@code ValidateConnectRequest} and the API-key middleware): authentication, join grant, identity, room name, the
 * publish-only secondary identity, room existence, client-supplied attributes. The same checks guard the
 * {@code /rtc} upgrade and answer {@code /rtc/validate}.
 */
public final class ConnectRequestValidator {

    static final String BEARER_PREFIX = "Bearer ";
    /** LiveKit's default {@code limit.max_room_name_length} and {@code max_participant_identity_length}, in bytes. */
    static final int MAX_NAME_BYTES = 256;
    static final String NO_PERMISSION = "no permissions to access the room";
    static final String ROOM_NOT_FOUND = "requested room does not exist";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTokenVerifier tokens;
    private final RoomDirectory rooms;
    private final boolean autoCreateRooms;

    public ConnectRequestValidator(AccessTokenVerifier tokens, RoomDirectory rooms, boolean autoCreateRooms) {
        this.tokens = tokens;
        this.rooms = rooms;
        this.autoCreateRooms = autoCreateRooms;
    }

    /** Runs every check; the result is what the room layer needs to start the session. */
    public ParticipantInit validate(ConnectRequest request) throws ConnectRejection {
        VerifiedToken token = authenticate(request);
        if (token == null || !token.grants().hasVideo()) {
            throw ConnectRejection.unauthorized(NO_PERMISSION);
        }
        if (!request.param("join_request").isEmpty()) {
            // the single peer connection form; accepting it without answering its offer stalls clients (#781)
            throw ConnectRejection.badRequest("join_request is not supported: single peer connection mode is not served");
        }
        ClaimGrants grants = token.grants();
        if (!grants.video().roomJoin()) {
            throw ConnectRejection.unauthorized("permissions denied");
        }
        checkLength(grants.identity(), "identity cannot be empty", "participant identity length exceeds limits");
        String room = grants.video().room();
        checkLength(room, "no room name", "room name length exceeds limits");
        grants = publishOnly(request.param("publish"), grants);
        if (!autoCreateRooms && !grants.video().roomCreate() && !rooms.exists(room)) {
            throw new ConnectRejection(404, ROOM_NOT_FOUND);
        }
        grants = withClientAttributes(decodeAttributes(request.param("attributes")), grants);
        return participantInit(request, room, grants, token);
    }

    /** The token comes from {@code Authorization: Bearer} when that header is present, else {@code access_token}. */
    private VerifiedToken authenticate(ConnectRequest request) throws ConnectRejection {
        String header = request.authorization();
        String token;
        if (header != null && !header.isEmpty()) {
            if (!header.startsWith(BEARER_PREFIX)) {
                throw ConnectRejection.unauthorized("invalid authorization header. Must start with " + BEARER_PREFIX);
            }
            token = header.substring(BEARER_PREFIX.length());
        } else {
            token = request.param("access_token");
        }
        if (token.isEmpty()) {
            return null;
        }
        try {
            return tokens.verify(token);
        } catch (AccessTokenException e) {
            throw ConnectRejection.unauthorized(e.getMessage());
        }
    }

    private static void checkLength(String value, String emptyReason, String tooLongReason) throws ConnectRejection {
        if (value.isEmpty()) {
            throw ConnectRejection.badRequest(emptyReason);
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw ConnectRejection.badRequest(tooLongReason + ": max length " + MAX_NAME_BYTES);
        }
    }

    /** {@code publish=<suffix>}: a second, publish-only connection of the same participant as {@code identity#suffix}. */
    private static ClaimGrants publishOnly(String suffix, ClaimGrants grants) throws ConnectRejection {
        if (suffix.isEmpty()) {
            return grants;
        }
        VideoGrant video = grants.video();
        if (!video.effectiveCanPublish()) {
            throw ConnectRejection.unauthorized(NO_PERMISSION);
        }
        VideoGrant noSubscribe = new VideoGrant(video.roomCreate(), video.roomList(), video.roomRecord(),
                video.roomAdmin(), video.roomJoin(), video.room(), video.canPublish(), false, video.canPublishData(),
                video.canPublishSources(), video.canUpdateOwnMetadata(), video.ingressAdmin(), video.hidden(),
                video.recorder(), video.agent(), video.canSubscribeMetrics(), video.canManageAgentSession(),
                video.destinationRoom());
        return grants.withVideo(noSubscribe).withIdentity(grants.identity() + "#" + suffix);
    }

    /** {@code attributes=<base64url JSON object of strings>}; any other JSON shape is a 400, as in LiveKit. */
    static Map<String, String> decodeAttributes(String encoded) throws ConnectRejection {
        if (encoded.isEmpty()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IllegalArgumentException | IOException e) {
            throw ConnectRejection.badRequest("cannot decode attributes");
        }
        if (node == null || !node.isObject()) {
            throw ConnectRejection.badRequest("cannot decode attributes");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw ConnectRejection.badRequest("cannot decode attributes");
            }
            attributes.put(field.getKey(), field.getValue().textValue());
        }
        return attributes;
    }

    /** Client-supplied attributes need {@code canUpdateOwnMetadata}; empty values never delete the token's ones. */
    private static ClaimGrants withClientAttributes(Map<String, String> supplied, ClaimGrants grants)
            throws ConnectRejection {
        if (supplied.isEmpty()) {
            return grants;
        }
        if (!grants.video().effectiveCanUpdateOwnMetadata()) {
            throw ConnectRejection.unauthorized(NO_PERMISSION);
        }
        Map<String, String> merged = new LinkedHashMap<>(grants.attributes());
        supplied.forEach((key, value) -> {
            if (!value.isEmpty()) {
                merged.put(key, value);
            }
        });
        return grants.withMetadata(grants.metadata(), merged);
    }

    private static ParticipantInit participantInit(ConnectRequest request, String room, ClaimGrants grants,
                                                   VerifiedToken token) {
        boolean reconnect = request.flag("reconnect");
        String autoSubscribe = request.param("auto_subscribe");
        int reason = ClientInfos.int32(request.param("reconnect_reason"));
        ReconnectReason reconnectReason = ReconnectReason.forNumber(reason);
        return new ParticipantInit(room, grants, token.apiKey(), token.expiresAt(), ClientInfos.parse(request),
                autoSubscribe.isEmpty() || request.flag("auto_subscribe"), request.optionalFlag("auto_subscribe_data_track"),
                request.flag("adaptive_stream"), request.flag("disable_ice_lite"), reconnect,
                reconnect ? request.param("sid") : "", reconnectReason == null ? ReconnectReason.RR_UNKNOWN : reconnectReason,
                request.optionalFlag("subscriber_allow_pause"), createRoomRequest(room, grants));
    }

    private static CreateRoomRequest createRoomRequest(String room, ClaimGrants grants) {
        CreateRoomRequest.Builder create = CreateRoomRequest.newBuilder().setName(room).setRoomPreset(grants.roomPreset());
        RoomConfiguration config = grants.roomConfig();
        if (config != null) {
            create.addAllAgents(config.getAgentsList())
                    .setEmptyTimeout(config.getEmptyTimeout())
                    .setDepartureTimeout(config.getDepartureTimeout())
                    .setMaxParticipants(config.getMaxParticipants())
                    .setMinPlayoutDelay(config.getMinPlayoutDelay())
                    .setMaxPlayoutDelay(config.getMaxPlayoutDelay())
                    .setSyncStreams(config.getSyncStreams())
                    .setMetadata(config.getMetadata())
                    .putAllTags(config.getTagsMap());
            if (config.hasEgress()) {
                create.setEgress(config.getEgress());
            }
        }
        return create.build();
    }
}
