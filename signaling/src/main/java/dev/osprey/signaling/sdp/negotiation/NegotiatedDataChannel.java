package dev.osprey.signaling.sdp.negotiation;

/**
 * The typed outcome of answering the data channel section (RFC 8841).
 *
 * @param remoteSctpPort            the peer's {@code a=sctp-port} (5000 when absent)
 * @param remoteMaxMessageSizeBytes the peer's {@code a=max-message-size} (65536 when absent, 0 = unlimited)
 */
public record NegotiatedDataChannel(String mid, int remoteSctpPort, long remoteMaxMessageSizeBytes) {
}
