package dev.osprey.media;

import dev.osprey.media.api.RoomSettings;
import dev.osprey.rtp.nack.NackSettings;

import java.util.Objects;

/**
 * media-core's settings, with defaults from livekit-server's behaviour (livekit-protocol.md); the server module maps
 * its YAML onto this record.
 *
 * @param autoCreateRooms             a join to an unknown room creates it (livekit-server's {@code room.auto_create})
 * @param defaultRoomSettings         settings of auto-created rooms
 * @param tickIntervalNanos           period of the one timer per event loop that drives RTCP and NACK generation
 * @param roomSweepIntervalNanos      period of the registry's one timer (room timeouts, speaker detection)
 * @param nack                        NACK generation toward publishers
 * @param retransmissionCacheCapacity packets kept per incoming stream for answering NACKs (rounded to a power of two)
 * @param retransmissionMaxAgeNanos   a packet older than this is not retransmitted
 * @param maxRetransmissions          times one packet may be resent to one subscriber
 * @param publisherRttNanos           round-trip time assumed toward publishers when pacing NACKs (Osprey sends them no
 *                                    media, so it has no sender report to measure it with)
 * @param keyframeRequestIntervalNanos least time between two PLI/FIR sent to a publisher for the same layer
 * @param rtcpReportIntervalNanos     period of SR per outgoing and RR per incoming stream (RFC 3550 §6.2)
 * @param transportFeedbackIntervalNanos period of transport-cc feedback toward publishers
 * @param layerInactiveNanos          a simulcast layer without packets for this long counts as paused by the publisher
 * @param srtpTailroomBytes           bytes reserved after every egress copy for the SRTP authentication tag
 * @param egressHeadroomBytes         bytes reserved before every egress copy so header extensions grow in place
 * @param speakers                    active speaker detection
 */
public record MediaCoreConfig(boolean autoCreateRooms, RoomSettings defaultRoomSettings, long tickIntervalNanos,
                              long roomSweepIntervalNanos, NackSettings nack, int retransmissionCacheCapacity,
                              long retransmissionMaxAgeNanos, int maxRetransmissions,
                              long publisherRttNanos, long keyframeRequestIntervalNanos, long rtcpReportIntervalNanos,
                              long transportFeedbackIntervalNanos, long layerInactiveNanos, int srtpTailroomBytes,
                              int egressHeadroomBytes, SpeakerSettings speakers) {
    private static final long MS = 1_000_000L;

    /** Auto-create on, LiveKit room defaults, 10 ms ticks, 500 ms PLI spacing, 1 s reports, 50 ms transport-cc. */
    public static final MediaCoreConfig DEFAULT = new MediaCoreConfig(true, RoomSettings.DEFAULT, 10 * MS, 100 * MS,
            NackSettings.DEFAULT, 1024, 1000 * MS, 3, 50 * MS, 500 * MS, 1000 * MS, 50 * MS, 1000 * MS, 16, 32,
            SpeakerSettings.DEFAULT);

    public MediaCoreConfig {
        Objects.requireNonNull(defaultRoomSettings, "defaultRoomSettings");
        Objects.requireNonNull(nack, "nack");
        Objects.requireNonNull(speakers, "speakers");
        if (tickIntervalNanos <= 0 || roomSweepIntervalNanos <= 0 || retransmissionMaxAgeNanos <= 0
                || publisherRttNanos < 0 || keyframeRequestIntervalNanos < 0 || rtcpReportIntervalNanos <= 0
                || transportFeedbackIntervalNanos <= 0 || layerInactiveNanos <= 0) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (retransmissionCacheCapacity < 1 || retransmissionCacheCapacity > 1 << 15 || maxRetransmissions < 0) {
            throw new IllegalArgumentException("retransmission cache capacity must be 1..32768");
        }
        if (srtpTailroomBytes < 0 || srtpTailroomBytes > 64 || egressHeadroomBytes < 0 || egressHeadroomBytes > 256) {
            throw new IllegalArgumentException("egress head/tail room out of range");
        }
    }

    /** The same settings with another room auto-create flag and default room settings. */
    public MediaCoreConfig withRooms(boolean autoCreate, RoomSettings roomSettings) {
        return new MediaCoreConfig(autoCreate, roomSettings, tickIntervalNanos, roomSweepIntervalNanos, nack,
                retransmissionCacheCapacity, retransmissionMaxAgeNanos, maxRetransmissions, publisherRttNanos,
                keyframeRequestIntervalNanos, rtcpReportIntervalNanos, transportFeedbackIntervalNanos,
                layerInactiveNanos, srtpTailroomBytes, egressHeadroomBytes, speakers);
    }
}
