package dev.osprey.signaling.rooms;

import dev.osprey.media.api.ParticipantInfo;
import livekit.LivekitModels;
import livekit.LivekitRoom;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data packet SendData makes (livekit-server's {@code RoomManager.SendData}): a user packet from no participant
 * with the payload, topic and nonce, addressed to the requested identities and to the participants whose sids the
 * deprecated {@code destination_sids} names, resolved here so that the data path deals in identities only.
 *
 * @param packet                the packet to deliver
 * @param destinationIdentities who gets it; empty for everyone
 * @param addressed             false when the request named recipients of which none is in the room: nobody gets it
 * @param reliable              on the reliable channel ({@code kind} RELIABLE) rather than the lossy one
 */
record ServerData(LivekitModels.DataPacket packet, List<String> destinationIdentities, boolean addressed,
                  boolean reliable) {

    @SuppressWarnings("deprecation") // destination_sids, UserPacket.destination_* and DataPacket.kind: older clients
    static ServerData of(LivekitRoom.SendDataRequest request, List<ParticipantInfo> participants) {
        LivekitModels.UserPacket.Builder user = LivekitModels.UserPacket.newBuilder()
                .setPayload(request.getData())
                .addAllDestinationSids(request.getDestinationSidsList())
                .addAllDestinationIdentities(request.getDestinationIdentitiesList())
                .setNonce(request.getNonce());
        if (request.hasTopic()) {
            user.setTopic(request.getTopic());
        }
        LivekitModels.DataPacket packet = LivekitModels.DataPacket.newBuilder()
                .setKind(request.getKind() == LivekitModels.DataPacket.Kind.LOSSY
                        ? LivekitModels.DataPacket.Kind.LOSSY : LivekitModels.DataPacket.Kind.RELIABLE)
                .addAllDestinationIdentities(request.getDestinationIdentitiesList())
                .setUser(user)
                .build();
        Set<String> identities = new LinkedHashSet<>(request.getDestinationIdentitiesList());
        Set<String> sids = Set.copyOf(request.getDestinationSidsList());
        for (ParticipantInfo participant : participants) {
            if (sids.contains(participant.id().value())) {
                identities.add(participant.identity().value());
            }
        }
        boolean targeted = request.getDestinationIdentitiesCount() > 0 || !sids.isEmpty();
        return new ServerData(packet, List.copyOf(identities), !targeted || !identities.isEmpty(),
                packet.getKind() != LivekitModels.DataPacket.Kind.LOSSY);
    }
}
