/**
 * The data path of LiveKit participants over WebRTC data channels (RFC 8831): per participant, the channels of both
 * peer connections, the messages it sends (handed to signaling's listener with their reliability), and the bounded,
 * subscriber-primary delivery of messages toward it. What the messages mean (LiveKit {@code DataPacket}s) is
 * signaling's business; this package carries bytes.
 */
package dev.osprey.media.data;
