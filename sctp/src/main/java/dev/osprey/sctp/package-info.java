/**
 * SCTP over DTLS for WebRTC data channels: RFC 9260 (core), RFC 8261 (over DTLS), RFC 3758 (FORWARD TSN),
 * RFC 6525 (stream reset), RFC 8841 (max-message-size). No sockets, no DTLS, no media: an
 * {@link dev.osprey.sctp.SctpAssociation} is fed the application data of DTLS records and writes packets through a
 * {@link dev.osprey.sctp.PacketSender}; time comes from an {@link dev.osprey.sctp.SctpScheduler}.
 * <p>
 * Wiring for a peer connection (normally through {@link dev.osprey.sctp.datachannel.DataChannelTransport}):
 * <ol>
 *   <li>one {@link dev.osprey.sctp.SctpEndpoint} per server (settings, cookie secret, counters, allocator);</li>
 *   <li>per DTLS transport, once the handshake is done: a transport with the DTLS role, the DTLS sender and the
 *       event loop's scheduler; call {@code start()} (both WebRTC sides send INIT);</li>
 *   <li>every decrypted application-data record goes to {@code handlePacket} (ownership passes);</li>
 *   <li>{@code setRemoteMaxMessageSize} with the peer's {@code a=max-message-size}.</li>
 * </ol>
 * Everything runs on one event loop per association; counters are thread-safe and shared per endpoint.
 */
package dev.osprey.sctp;
