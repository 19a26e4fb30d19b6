/**
 * What signaling may use of media-core (an ArchUnit rule enforces that it uses nothing else): typed values for
 * negotiated media ({@link dev.osprey.media.api.RtpParameters} and its parts), LiveKit-style ids, snapshots of rooms,
 * participants and tracks, the {@link dev.osprey.media.api.Rooms} registry with its session handles, and the listener
 * interfaces through which media-core reports events. Never SDP, JSON or protobuf: signaling maps those onto these.
 */
package dev.osprey.media.api;
