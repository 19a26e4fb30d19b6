/**
 * RFC 8285 header extensions on top of {@link dev.osprey.rtp.RtpPacket}: in-place editing (rewrite, add, remove,
 * renumber) with {@link dev.osprey.rtp.extension.HeaderExtensionEditor}, and one class per extension WebRTC uses,
 * each reading (and where the SFU needs it, writing) the element under the ID negotiated in SDP.
 *
 * <p>Typed readers return -1 (or {@code null} for strings) when the element is absent <em>or</em> its value has a
 * size the extension's definition does not allow: a broken optional element costs the receiver that value, not the
 * packet, and no exception is built on the media path.
 */
package dev.osprey.rtp.extension;
