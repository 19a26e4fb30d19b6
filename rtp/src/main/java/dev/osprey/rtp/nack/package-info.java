/**
 * Loss recovery: RTX encapsulation (RFC 4588), the sender's {@link dev.osprey.rtp.nack.RetransmissionCache} of
 * retained packets, the receiver's {@link dev.osprey.rtp.nack.NackGenerator} deciding which sequence numbers to
 * request and when, and RFC 3550 reception statistics for report blocks.
 *
 * <p>Everything here is single-threaded state owned by one event loop; time comes from an injected nanosecond clock
 * or an explicit arrival time, never from sleeping.
 */
package dev.osprey.rtp.nack;
