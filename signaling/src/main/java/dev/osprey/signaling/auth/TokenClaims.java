package dev.osprey.signaling.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRoom.RoomConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps the verified JSON claims onto {@link ClaimGrants}, with LiveKit's names ({@code auth/grants.go}). */
final class TokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat.Parser PROTOJSON = JsonFormat.parser().ignoringUnknownFields();

    private TokenClaims() {
    }

    static ClaimGrants grants(Map<String, ?> claims) throws AccessTokenException {
        ClaimsReader reader = new ClaimsReader(claims, "");
        String identity = reader.stringOrEmpty("sub");
        if (identity.isEmpty()) {
            identity = reader.stringOrEmpty("jti"); // older minters put the identity into jti
        }
        Map<String, ?> video = reader.object("video");
        return new ClaimGrants(identity, reader.stringOrEmpty("name"), kind(reader.stringOrEmpty("kind")),
                kindDetails(reader.strings("kindDetails")), video == null ? null : VideoGrant.fromClaim(video),
                reader.stringOrEmpty("metadata"), reader.stringMap("attributes"), reader.stringOrEmpty("roomPreset"),
                roomConfig(reader.object("roomConfig")), reader.stringOrEmpty("sha256"));
    }

    /** Lowercase {@code ParticipantInfo.Kind} name; anything else is a standard participant, as in LiveKit. */
    static ParticipantInfo.Kind kind(String name) {
        for (ParticipantInfo.Kind kind : ParticipantInfo.Kind.values()) {
            if (kind != ParticipantInfo.Kind.UNRECOGNIZED && kind.name().equals(name.toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        return ParticipantInfo.Kind.STANDARD;
    }

    private static List<ParticipantInfo.KindDetail> kindDetails(List<String> names) {
        List<ParticipantInfo.KindDetail> details = new ArrayList<>();
        for (String name : names) {
            for (ParticipantInfo.KindDetail detail : ParticipantInfo.KindDetail.values()) {
                if (detail != ParticipantInfo.KindDetail.UNRECOGNIZED
                        && detail.name().equals(name.toUpperCase(Locale.ROOT))) {
                    details.add(detail);
                }
            }
        }
        return details;
    }

    /** {@code roomConfig} is a RoomConfiguration in protojson form. */
    private static RoomConfiguration roomConfig(Map<String, ?> claim) throws AccessTokenException {
        if (claim == null) {
            return null;
        }
        try {
            RoomConfiguration.Builder builder = RoomConfiguration.newBuilder();
            PROTOJSON.merge(JSON.writeValueAsString(claim), builder);
            return builder.build();
        } catch (InvalidProtocolBufferException | JsonProcessingException | RuntimeException e) {
            throw new AccessTokenException(AccessTokenVerifier.INVALID_TOKEN + ": roomConfig is not a room configuration", e);
        }
    }
}
