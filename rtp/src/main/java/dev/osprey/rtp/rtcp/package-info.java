/**
 * RTCP (RFC 3550 §6) and its feedback extensions (RFC 4585, RFC 5104, RFC 3611, draft-alvestrand-rmcat-remb,
 * draft-holmer-rmcat-transport-wide-cc-extensions): {@link dev.osprey.rtp.rtcp.RtcpCompoundReader} walks a
 * (possibly reduced-size, RFC 5506) compound packet, and one flyweight class per packet type reads its fields at
 * absolute indexes. Each class also has static {@code write} methods that append the exact wire bytes to a
 * {@code ByteBuf}.
 *
 * <p>Flyweights are reusable and bound with {@code wrap}, which validates every length the packet declares and
 * throws {@link dev.osprey.rtp.MalformedPacketException} otherwise; after a successful wrap no getter can read outside
 * the packet.
 */
package dev.osprey.rtp.rtcp;
