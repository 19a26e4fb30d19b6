package dev.osprey.media.api;

import io.netty.buffer.ByteBuf;

/**
 * A participant's data channels (RFC 8831) on both of its peer connections, as one message pipe each way: what it
 * sends goes to the {@link DataListener}, what others send to it goes through {@link #send}. Toward the participant,
 * messages use the subscriber peer connection's server-created {@code _reliable} / {@code _lossy} channels once its
 * SCTP association is up, else the channels the client created on its publisher peer connection. Buffering is
 * bounded by {@link DataBufferLimits}: lossy messages are dropped when full, reliable ones queue up to the limit,
 * past which the participant is disconnected ({@link DisconnectReason#MEDIA_FAILURE}).
 */
public interface ParticipantData {
    /** Where the participant's messages and the drops toward it are reported; replaces the previous listener. */
    void listen(DataListener listener);

    /** Replaces the buffering limits toward this participant. */
    void limits(DataBufferLimits limits);

    /**
     * Queues a message to the participant. Thread-safe and never blocking: the message is handed to the
     * participant's event loop. Takes ownership of {@code message} (released once sent, dropped or refused).
     *
     * @return false when it was dropped at once (the listener hears why), true when queued
     */
    boolean send(ByteBuf message, DataReliability reliability);

    /** The participant's current permission, readable per message without taking the room's monitor. */
    ParticipantPermission permission();
}
