package dev.osprey.signaling.sdp.negotiation;

/**
 * Which LiveKit peer connection a description belongs to, seen from the server (livekit-protocol.md §2.2, §4):
 * on the {@link #PUBLISHER} PC the client offers and sends media the server receives; on the {@link #SUBSCRIBER}
 * PC the server offers and sends. Header extensions and RTCP feedback differ between the two.
 */
public enum Role {
    PUBLISHER,
    SUBSCRIBER
}
