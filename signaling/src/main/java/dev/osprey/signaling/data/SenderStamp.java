package dev.osprey.signaling.data;

import dev.osprey.media.api.DataReliability;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;

/**
 * What the server asserts about a packet's sender before relaying it (livekit-protocol.md §2.2): its sid and
 * identity, also in the deprecated {@code UserPacket} fields clients still read, and the kind of the channel it
 * arrived on (the channel is the truth, not the sender's claim). A hidden participant's identity is not revealed.
 * For user packets the destination lists of the packet and of its {@code UserPacket} are made the same, the
 * packet's taking precedence, so clients reading either see where it went.
 *
 * @param sid      the sender's sid ({@code PA_…})
 * @param identity the sender's identity
 * @param hidden   whether the sender is hidden from the room
 */
record SenderStamp(String sid, String identity, boolean hidden) {

    /** Why {@code packet} must not be relayed at all, or {@code null} when it may be. */
    static DropCause refusal(DataPacket packet) {
        return switch (packet.getValueCase()) {
            case SPEAKER -> DropCause.SERVER_ONLY;
            // a kind newer than this protocol version arrives as unknown fields: forwarded as it is
            case VALUE_NOT_SET -> packet.getUnknownFields().asMap().isEmpty() ? DropCause.EMPTY : null;
            default -> null;
        };
    }

    DataPacket apply(DataPacket packet, DataReliability reliability) {
        String shownIdentity = hidden ? "" : identity;
        DataPacket.Builder b = packet.toBuilder()
                .setKind(kind(reliability))
                .setParticipantSid(sid)
                .setParticipantIdentity(shownIdentity);
        if (b.hasUser()) {
            UserPacket.Builder user = b.getUserBuilder()
                    .setParticipantSid(hidden ? "" : sid)
                    .setParticipantIdentity(shownIdentity);
            if (b.getDestinationIdentitiesCount() > 0) {
                user.clearDestinationIdentities().addAllDestinationIdentities(b.getDestinationIdentitiesList());
            } else {
                b.addAllDestinationIdentities(user.getDestinationIdentitiesList());
            }
        }
        return b.build();
    }

    static DataPacket.Kind kind(DataReliability reliability) {
        return reliability == DataReliability.RELIABLE ? DataPacket.Kind.RELIABLE : DataPacket.Kind.LOSSY;
    }
}
