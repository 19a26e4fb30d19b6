package dev.osprey.media.api;

/**
 * A participant's peer connection transports (ICE-lite + DTLS + SRTP + SCTP), as signaling drives them from SDP it
 * parses itself: it asks for the local description to offer or answer with, hands over what the client's description
 * says, and restarts ICE when the client does.
 */
public interface ParticipantTransports {
    /**
     * The local description of {@code role}'s transport, created (and registered with the ICE agent) on first use.
     *
     * @throws RoomException {@link RoomException.Reason#INVALID_REQUEST} when no transport services are configured
     */
    LocalTransportDescription describe(PeerConnectionRole role);

    /**
     * The client's description arrived: sets the DTLS role and the fingerprints to check; the handshake starts as
     * soon as ICE has a pair.
     */
    void connect(PeerConnectionRole role, RemoteTransportDescription remote);

    /** ICE restart (RFC 8445 §9): new local credentials; media keeps flowing on the current pair meanwhile. */
    LocalTransportDescription restartIce(PeerConnectionRole role);

    /** The transport's state, {@link TransportState#NEW} before it exists. */
    TransportState state(PeerConnectionRole role);
}
