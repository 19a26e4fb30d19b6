package dev.osprey.media.api;

/**
 * Bounds of what is buffered toward one participant's data channels, so that a slow receiver costs bounded memory
 * and never slows the sender or the room.
 *
 * @param reliableQueueBytes    reliable bytes waiting in front of the participant's channels (not yet accepted by
 *                              SCTP); a message that would go past this disconnects the participant
 * @param reliableInFlightBytes reliable bytes handed to SCTP and not yet acknowledged, per channel; beyond this,
 *                              messages wait in the queue (SCTP's own send buffer must be larger than this plus
 *                              {@code lossyBufferBytes})
 * @param lossyBufferBytes      lossy bytes that may wait unacknowledged on the lossy channel (and in hand-off to the
 *                              participant's event loop); a lossy message beyond this is dropped and counted
 */
public record DataBufferLimits(long reliableQueueBytes, long reliableInFlightBytes, long lossyBufferBytes) {
    /** 4 MiB queued, 1 MiB in flight, 64 KiB lossy. */
    public static final DataBufferLimits DEFAULT = new DataBufferLimits(4L << 20, 1L << 20, 64L << 10);

    public DataBufferLimits {
        if (reliableQueueBytes < 1 || reliableInFlightBytes < 1 || lossyBufferBytes < 1) {
            throw new IllegalArgumentException("data buffer limits must be positive");
        }
    }
}
