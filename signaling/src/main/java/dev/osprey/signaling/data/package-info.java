/**
 * LiveKit data packets between participants and from the server: parsing, the sender stamp, destinations, metrics.
 * The bytes travel on media-core's participant data path ({@code ParticipantSession.data()}).
 */
package dev.osprey.signaling.data;
