package dev.osprey.control.livekit;

import dev.osprey.signaling.api.LiveKitHs256;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.osprey.control.ControlApiConfig;
import dev.osprey.control.http.ApiRouter;
import dev.osprey.signaling.api.RoomService;
import dev.osprey.signaling.api.RoomServiceException;
import io.jsonwebtoken.Jwts;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import javax.crypto.SecretKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link RoomService} over LiveKit's Twirp API (livekit-protocol.md §6) for external mode: protobuf requests to
 * {@code POST <livekit.internalHost>/twirp/livekit.RoomService/<Method>}, each authorised by a short-lived HS256 token
 * carrying only the grant the method needs ({@code roomCreate}, {@code roomList}, or {@code roomAdmin} + {@code room});
 * Twirp error bodies {@code {"code","msg"}} become {@link RoomServiceException}s with the same code.
 */
public final class TwirpRoomService implements RoomService {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);
    private static final String PREFIX = "/twirp/livekit.RoomService/";

    private final String baseUrl;
    private final String apiKey;
    private final SecretKey key;
    private final HttpClient http;
    private final Clock clock;

    public TwirpRoomService(ControlApiConfig.LiveKit config, HttpClient http, Clock clock) {
        String base = config.internalHost().isEmpty() ? config.host() : config.internalHost();
        base = base.replaceFirst("^ws://", "http://").replaceFirst("^wss://", "https://");
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = config.apiKey();
        this.key = LiveKitHs256.key(config.apiSecret());
        this.http = http;
        this.clock = clock;
    }

    /** A client with its own HTTP/1.1 connection pool, as deployments use it. */
    public static TwirpRoomService create(ControlApiConfig.LiveKit config) {
        return new TwirpRoomService(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build(), Clock.systemUTC());
    }

    private String token(Map<String, Object> video) {
        Instant now = clock.instant();
        return Jwts.builder().issuer(apiKey).notBefore(Date.from(now)).expiration(Date.from(now.plus(TOKEN_TTL)))
                .claim("video", video).signWith(key, LiveKitHs256.INSTANCE).compact();
    }

    private static Map<String, Object> grant(String name) {
        return Map.of(name, true);
    }

    private static Map<String, Object> admin(String room) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roomAdmin", true);
        m.put("room", room);
        return m;
    }

    private <T extends Message> CompletableFuture<T> call(String method, Message request, Parser<T> parser,
                                                          Map<String, Object> video) {
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(baseUrl + PREFIX + method)).timeout(TIMEOUT)
                .header("Content-Type", "application/protobuf").header("Authorization", "Bearer " + token(video))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build();
        return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new RoomServiceException(
                        RoomServiceException.Code.UNAVAILABLE, "LiveKit unreachable: " + e.getMessage(), e)))
                .thenApply(r -> decode(r, parser));
    }

    static <T extends Message> T decode(HttpResponse<byte[]> response, Parser<T> parser) {
        if (response.statusCode() != 200) {
            throw error(response.statusCode(), response.body());
        }
        try {
            return parser.parseFrom(response.body());
        } catch (InvalidProtocolBufferException e) {
            throw new RoomServiceException(RoomServiceException.Code.INTERNAL, "malformed Twirp response", e);
        }
    }

    /** Maps a Twirp error body onto the room-service code (falling back on the HTTP status). */
    static RoomServiceException error(int status, byte[] body) {
        String code = "";
        String msg = "HTTP " + status;
        try {
            JsonNode json = ApiRouter.JSON.readTree(body);
            if (json != null && json.isObject()) {
                code = json.path("code").asText("");
                msg = json.path("msg").asText(msg);
            }
        } catch (Exception e) {
            // not a Twirp error body: keep the HTTP status
        }
        for (RoomServiceException.Code c : RoomServiceException.Code.values()) {
            if (c.twirpName().equals(code)) {
                return new RoomServiceException(c, msg);
            }
        }
        for (RoomServiceException.Code c : RoomServiceException.Code.values()) {
            if (c.httpStatus() == status) {
                return new RoomServiceException(c, msg);
            }
        }
        return new RoomServiceException(RoomServiceException.Code.INTERNAL, msg);
    }

    @Override
    public CompletionStage<LivekitModels.Room> createRoom(LivekitRoom.CreateRoomRequest request) {
        return call("CreateRoom", request, LivekitModels.Room.parser(), grant("roomCreate"));
    }

    @Override
    public CompletionStage<List<LivekitModels.Room>> listRooms(List<String> names) {
        return call("ListRooms", LivekitRoom.ListRoomsRequest.newBuilder().addAllNames(names).build(),
                LivekitRoom.ListRoomsResponse.parser(), grant("roomList")).thenApply(r -> r.getRoomsList());
    }

    @Override
    public CompletionStage<Void> deleteRoom(String room) {
        return call("DeleteRoom", LivekitRoom.DeleteRoomRequest.newBuilder().setRoom(room).build(),
                LivekitRoom.DeleteRoomResponse.parser(), grant("roomCreate")).thenApply(r -> null);
    }

    @Override
    public CompletionStage<List<LivekitModels.ParticipantInfo>> listParticipants(String room) {
        return call("ListParticipants", LivekitRoom.ListParticipantsRequest.newBuilder().setRoom(room).build(),
                LivekitRoom.ListParticipantsResponse.parser(), admin(room)).thenApply(r -> r.getParticipantsList());
    }

    @Override
    public CompletionStage<LivekitModels.ParticipantInfo> getParticipant(String room, String identity) {
        return call("GetParticipant", identity(room, identity), LivekitModels.ParticipantInfo.parser(), admin(room));
    }

    @Override
    public CompletionStage<Void> removeParticipant(String room, String identity) {
        return call("RemoveParticipant", identity(room, identity), LivekitRoom.RemoveParticipantResponse.parser(),
                admin(room)).thenApply(r -> null);
    }

    private static LivekitRoom.RoomParticipantIdentity identity(String room, String identity) {
        return LivekitRoom.RoomParticipantIdentity.newBuilder().setRoom(room).setIdentity(identity).build();
    }

    @Override
    public CompletionStage<LivekitModels.TrackInfo> mutePublishedTrack(String room, String identity, String trackSid,
                                                                       boolean muted) {
        return call("MutePublishedTrack", LivekitRoom.MuteRoomTrackRequest.newBuilder().setRoom(room)
                        .setIdentity(identity).setTrackSid(trackSid).setMuted(muted).build(),
                LivekitRoom.MuteRoomTrackResponse.parser(), admin(room)).thenApply(r -> r.getTrack());
    }

    @Override
    public CompletionStage<LivekitModels.ParticipantInfo> updateParticipant(
            LivekitRoom.UpdateParticipantRequest request) {
        return call("UpdateParticipant", request, LivekitModels.ParticipantInfo.parser(), admin(request.getRoom()));
    }

    @Override
    public CompletionStage<Void> updateSubscriptions(LivekitRoom.UpdateSubscriptionsRequest request) {
        return call("UpdateSubscriptions", request, LivekitRoom.UpdateSubscriptionsResponse.parser(),
                admin(request.getRoom())).thenApply(r -> null);
    }

    @Override
    public CompletionStage<Void> sendData(LivekitRoom.SendDataRequest request) {
        return call("SendData", request, LivekitRoom.SendDataResponse.parser(), admin(request.getRoom()))
                .thenApply(r -> null);
    }

    @Override
    public CompletionStage<LivekitModels.Room> updateRoomMetadata(String room, String metadata) {
        return call("UpdateRoomMetadata", LivekitRoom.UpdateRoomMetadataRequest.newBuilder().setRoom(room)
                .setMetadata(metadata).build(), LivekitModels.Room.parser(), admin(room));
    }
}
