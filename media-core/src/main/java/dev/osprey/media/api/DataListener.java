package dev.osprey.media.api;

import io.netty.buffer.ByteBuf;

/**
 * What happens on one participant's data channels, as signaling sees it (LiveKit data packets are its business; this
 * carries bytes). {@link #onMessage} runs on the participant's event loop; the others may run on any thread. An
 * implementation must not block.
 */
public interface DataListener {
    /** Counts nothing and forwards nothing. */
    DataListener NONE = (message, reliability, channelLabel) -> {
    };

    /**
     * A message the participant sent on any data channel of either of its peer connections. The buffer is lent for
     * the call (retain or copy to keep it); an empty message has no readable bytes.
     *
     * @param reliability  of the channel it arrived on (its options, not its label)
     * @param channelLabel the channel's label ({@code _reliable}, {@code _lossy}, {@code _data_track}, ...)
     */
    void onMessage(ByteBuf message, DataReliability reliability, String channelLabel);

    /** A message toward the participant was dropped ({@code bytes} long). */
    default void onDropped(DataReliability reliability, DataDropReason reason, int bytes) {
    }

    /** The participant left: nothing more is delivered or sent. May be called more than once. */
    default void onClosed() {
    }
}
