package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.CloseReason;
import io.netty.buffer.ByteBuf;

/** Events of a {@link DataChannelTransport}, on its event loop. */
public interface DataChannelListener {

    /** The SCTP association is established. */
    default void onConnected() {
    }

    /** A channel is open: one the peer announced with DATA_CHANNEL_OPEN, or one of ours once connected. */
    void onChannelOpen(DataChannel channel);

    /**
     * A message. The buffer is lent for the duration of the call: retain it (or copy it) to keep it; an empty
     * message (PPID 56/57) has no readable bytes.
     */
    void onMessage(DataChannel channel, ByteBuf data, boolean binary);

    /** Both directions of the channel's stream were reset; the id may be used again. */
    default void onChannelClosed(DataChannel channel) {
    }

    /** bufferedAmount fell to or below the channel's low threshold. */
    default void onBufferedAmountLow(DataChannel channel) {
    }

    /** The association ended; every channel has been closed before this call. */
    default void onDisconnected(CloseReason reason) {
    }
}
