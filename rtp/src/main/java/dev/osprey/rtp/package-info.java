/**
 * Zero-copy RTP (RFC 3550): the {@link dev.osprey.rtp.RtpPacket} flyweight over a Netty {@code ByteBuf},
 * RFC 8285 header-extension lookup, wraparound-safe sequence and timestamp arithmetic, and the RFC 7983
 * first-byte demultiplexer.
 *
 * <p>Unsigned 32-bit protocol values (SSRC, RTP timestamp) travel as Java {@code int} holding the raw bits; use
 * {@link java.lang.Integer#toUnsignedLong(int)} when a magnitude is needed. 16-bit values travel as {@code int}
 * in {@code 0..65535}.
 */
package dev.osprey.rtp;
