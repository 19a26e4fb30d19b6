package dev.osprey.signaling.session;

import dev.osprey.media.api.ParticipantInfo;
import dev.osprey.media.api.ParticipantSession;
import dev.osprey.signaling.rooms.LiveKitInfos;
import dev.osprey.signaling.sdp.negotiation.CodecCapability;
import livekit.LivekitModels.Codec;
import livekit.LivekitModels.ServerInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.ReconnectResponse;

import java.util.List;

/**
 * The first message of a session (livekit-protocol.md §2.1): {@code JoinResponse} for a join, {@code
 * ReconnectResponse} for a resume (§2.9), with what the JS and Rust clients require of them.
 */
final class JoinResponses {

    /** The protocol version Osprey speaks (LiveKit's {@code ProtocolVersion} when the jar was built). */
    static final int PROTOCOL = 16;

    private JoinResponses() {
    }

    static JoinResponse join(ParticipantSession self, List<ParticipantInfo> others, SessionSettings settings,
                             boolean subscriberPrimary) {
        ParticipantInfo me = self.info();
        JoinResponse.Builder join = JoinResponse.newBuilder()
                .setRoom(LiveKitInfos.room(self.room()))
                .setParticipant(LiveKitInfos.participant(me))
                .setServerVersion(settings.serverVersion())
                .setServerInfo(serverInfo(settings))
                .addAllIceServers(settings.iceServers().apply(me.id().value()))
                .setSubscriberPrimary(subscriberPrimary)
                .setPingInterval((int) settings.pingInterval().toSeconds())
                .setPingTimeout((int) settings.pingTimeout().toSeconds());
        for (ParticipantInfo other : others) {
            if (!other.id().equals(me.id()) && !other.permission().hidden()) {
                join.addOtherParticipants(LiveKitInfos.participant(other));
            }
        }
        for (CodecCapability c : settings.capabilities().codecs()) {
            if (!c.codec().isRtx()) {
                join.addEnabledPublishCodecs(Codec.newBuilder().setMime(c.codec().mimeType())
                        .setFmtpLine(c.codec().parameters().format()));
            }
        }
        return join.build();
    }

    /** @param lastMessageSeq the last reliable data sequence received from it, so it resends only what is after */
    static ReconnectResponse reconnect(ParticipantSession self, SessionSettings settings, long lastMessageSeq) {
        return ReconnectResponse.newBuilder()
                .setLastMessageSeq((int) Math.min(lastMessageSeq, 0xFFFF_FFFFL))
                .addAllIceServers(settings.iceServers().apply(self.info().id().value()))
                .setServerInfo(serverInfo(settings))
                .build();
    }

    private static ServerInfo serverInfo(SessionSettings settings) {
        return ServerInfo.newBuilder()
                .setEdition(ServerInfo.Edition.Standard)
                .setVersion(settings.serverVersion())
                .setProtocol(PROTOCOL)
                .setNodeId(settings.nodeId())
                .setDebugInfo(settings.debugInfo())
                .build();
    }
}
