package dev.osprey.signaling.auth;

import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRoom.RoomConfiguration;

import java.util.List;
import java.util.Map;

/**
 * What a verified LiveKit access token grants: the participant's identity ({@code sub}, or {@code jti} when
 * {@code sub} is empty), display name, kind, metadata and attributes, the {@code video} grant and the room settings
 * to use when this participant creates the room. SIP, agent, inference and observability grants concern services
 * Osprey does not offer and are not read.
 *
 * @param video      the {@code video} claim, or {@code null} when the token has none (then it may not join)
 * @param roomConfig the {@code roomConfig} claim, or {@code null}
 */
public record ClaimGrants(String identity, String name, ParticipantInfo.Kind kind,
                          List<ParticipantInfo.KindDetail> kindDetails, VideoGrant video, String metadata,
                          Map<String, String> attributes, String roomPreset, RoomConfiguration roomConfig,
                          String sha256) {

    public ClaimGrants {
        kindDetails = List.copyOf(kindDetails);
        attributes = Map.copyOf(attributes);
    }

    public boolean hasVideo() {
        return video != null;
    }

    /** The same grants for another identity (LiveKit's {@code publish=} secondary connection appends a suffix). */
    public ClaimGrants withIdentity(String newIdentity) {
        return new ClaimGrants(newIdentity, name, kind, kindDetails, video, metadata, attributes, roomPreset,
                roomConfig, sha256);
    }

    /** The same grants with another video grant. */
    public ClaimGrants withVideo(VideoGrant newVideo) {
        return new ClaimGrants(identity, name, kind, kindDetails, newVideo, metadata, attributes, roomPreset,
                roomConfig, sha256);
    }

    /** The same grants with other metadata and attributes (client-supplied at join, when the token allows it). */
    public ClaimGrants withMetadata(String newMetadata, Map<String, String> newAttributes) {
        return new ClaimGrants(identity, name, kind, kindDetails, video, newMetadata, newAttributes, roomPreset,
                roomConfig, sha256);
    }
}
