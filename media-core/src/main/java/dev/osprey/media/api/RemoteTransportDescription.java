package dev.osprey.media.api;

import java.util.List;
import java.util.Objects;

/**
 * What signaling learned from the client's SDP about one peer connection's transport.
 *
 * @param fingerprints      the client's {@code a=fingerprint} values; its certificate must match one
 * @param setup             the client's {@code a=setup}: decides which side is the DTLS client (RFC 8842 §5.2)
 * @param dataChannels      the client negotiated an {@code m=application} section (SCTP over DTLS, RFC 8841)
 * @param maxMessageSizeBytes the client's {@code a=max-message-size}, 0 when absent (RFC 8841 §6)
 */
public record RemoteTransportDescription(List<TransportFingerprint> fingerprints, DtlsSetup setup,
                                         boolean dataChannels, long maxMessageSizeBytes) {
    public RemoteTransportDescription {
        fingerprints = List.copyOf(fingerprints);
        Objects.requireNonNull(setup, "setup");
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("DTLS-SRTP needs the remote fingerprint (RFC 8842 §5.1)");
        }
        if (maxMessageSizeBytes < 0) {
            throw new IllegalArgumentException("negative max message size");
        }
    }
}
