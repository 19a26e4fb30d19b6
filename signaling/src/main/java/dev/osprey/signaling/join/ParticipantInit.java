package dev.osprey.signaling.join;

import dev.osprey.signaling.auth.ClaimGrants;
import livekit.LivekitModels.ClientInfo;
import livekit.LivekitModels.ReconnectReason;
import livekit.LivekitRoom.CreateRoomRequest;

import java.time.Instant;

/**
 * A join that passed every check: who joins which room with which grants, and the connection settings the client
 * asked for in the {@code /rtc} query string. The room layer starts the participant session from this.
 *
 * @param autoSubscribeDataTrack  {@code null} when the client did not say
 * @param subscriberAllowPause    {@code null} when the client did not say
 * @param participantSid          the {@code sid} of the session to resume when {@code reconnect}, else empty
 * @param createRoom              how to create the room if this join creates it (name, preset, token room config)
 */
public record ParticipantInit(String roomName, ClaimGrants grants, String apiKey, Instant tokenExpiresAt,
                              ClientInfo client, boolean autoSubscribe, Boolean autoSubscribeDataTrack,
                              boolean adaptiveStream, boolean disableIceLite, boolean reconnect,
                              String participantSid, ReconnectReason reconnectReason, Boolean subscriberAllowPause,
                              CreateRoomRequest createRoom) {

    public String identity() {
        return grants.identity();
    }
}
