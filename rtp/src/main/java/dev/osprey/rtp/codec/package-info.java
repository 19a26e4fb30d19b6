/**
 * RTP payload formats an SFU has to look into: the VP8 (RFC 7741) and VP9 (RFC 9628) payload descriptors with
 * in-place picture ID / TL0PICIDX rewrite, H.264 NAL unit packetization (RFC 6184), the AV1 aggregation header (AV1
 * RTP spec §4.4), the Opus TOC byte (RFC 6716 §3.1) and RED (RFC 2198).
 *
 * <p>Descriptor classes are reusable flyweights bound to a payload range with {@code wrap} (throws
 * {@link dev.osprey.rtp.MalformedPacketException}) or {@code tryWrap} (returns {@code false}); the payload range
 * normally comes from {@link dev.osprey.rtp.RtpPacket#payloadOffset()} and
 * {@link dev.osprey.rtp.RtpPacket#payloadLength()}.
 */
package dev.osprey.rtp.codec;
