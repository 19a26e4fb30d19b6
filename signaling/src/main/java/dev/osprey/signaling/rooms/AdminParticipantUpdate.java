package dev.osprey.signaling.rooms;

import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantPermission;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.signaling.api.RoomServiceException;
import livekit.LivekitRoom;

import java.util.Map;

/**
 * UpdateParticipant as livekit-server applies it for the server API: name, metadata and attributes first (an empty
 * name or metadata keeps the value, an attribute with an empty value is deleted), then the permission when the request
 * has one; revoking canPublish unpublishes the tracks it no longer allows. The server API may change metadata whatever
 * the participant's own {@code canUpdateMetadata} says.
 */
final class AdminParticipantUpdate {

    private AdminParticipantUpdate() {
    }

    static ParticipantInfo apply(ParticipantSession session, LivekitRoom.UpdateParticipantRequest request) {
        if (session.isClosed()) {
            throw RoomServiceException.participantNotFound();
        }
        String name = request.getName().isEmpty() ? null : request.getName();
        String metadata = request.getMetadata().isEmpty() ? null : request.getMetadata();
        Map<String, String> attributes = request.getAttributesMap();
        ParticipantPermission target = request.hasPermission()
                ? LiveKitInfos.permissionOf(request.getPermission()) : session.info().permission();
        if ((name != null || metadata != null || !attributes.isEmpty())
                && session.updateMetadataAsServer(name, metadata, attributes).isEmpty()) {
            throw RoomServiceException.participantNotFound(); // it left meanwhile
        }
        return request.hasPermission() ? session.updatePermission(target) : session.info();
    }
}
