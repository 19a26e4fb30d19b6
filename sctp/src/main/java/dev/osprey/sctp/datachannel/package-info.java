/**
 * WebRTC data channels (RFC 8831) and their establishment protocol DCEP (RFC 8832) on an SCTP association: channels
 * the peer opens in-band, channels we open (LiveKit's {@code _reliable} and {@code _lossy}), pre-negotiated ones,
 * text / binary / empty messages by PPID, bufferedAmount with a low-water callback, and close by stream reset.
 */
package dev.osprey.sctp.datachannel;
