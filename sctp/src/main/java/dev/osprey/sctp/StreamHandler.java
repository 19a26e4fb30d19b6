package dev.osprey.sctp;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * What an association tells the layer above it (the data channels), on the association's thread. Implementations
 * may call back into the association (send, reset a stream, close); packets go out once the current event is done.
 */
public interface StreamHandler {

    /** The association is established: queued messages start to flow. */
    void onEstablished();

    /**
     * A complete message. The buffer is lent for the duration of the call: retain (or copy) it to keep it.
     *
     * @param ppid the payload protocol identifier (RFC 8831 §8 for data channels)
     */
    void onMessage(int streamId, long ppid, ByteBuf message);

    /** A message left the send buffer (acknowledged or abandoned): {@code bytes} are free again. */
    void onSendBufferReleased(int streamId, long ppid, int bytes);

    /** RFC 6525: the peer reset its outgoing side of these streams (it closed them). Empty list: all. */
    void onIncomingStreamsReset(List<Integer> streamIds);

    /** RFC 6525: our reset request for these streams completed; their stream ids may be used again. */
    void onOutgoingStreamsReset(List<Integer> streamIds);

    /** The association ended; nothing more will be delivered. */
    void onClosed(CloseReason reason);
}
