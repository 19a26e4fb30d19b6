package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.SendResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * One data channel: a pair of SCTP streams with the same id (RFC 8831 §6.4). Sending takes ownership of the buffer;
 * {@link #bufferedAmount()} counts bytes accepted and not yet acknowledged or abandoned, and
 * {@link DataChannelListener#onBufferedAmountLow} fires when it falls to the threshold, so a sender can pace
 * itself (or drop lossy messages for a slow receiver).
 */
public final class DataChannel {
    private final DataChannelTransport transport;
    private final int id;
    private final String label;
    private final ChannelOptions options;
    private final boolean negotiated;
    private final dev.osprey.sctp.SendOptions sendOptions;
    private DataChannelState state;
    private boolean acknowledged;
    private boolean outgoingReset;
    private boolean incomingReset;
    private long bufferedAmount;
    private long lowThreshold;

    DataChannel(DataChannelTransport transport, int id, String label, ChannelOptions options, boolean negotiated,
                boolean acknowledged) {
        this.transport = transport;
        this.id = id;
        this.label = label;
        this.options = options;
        this.negotiated = negotiated;
        this.sendOptions = options.sendOptions();
        this.acknowledged = acknowledged;
        this.state = DataChannelState.CONNECTING;
    }

    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String protocol() {
        return options.protocol();
    }

    public ChannelOptions options() {
        return options;
    }

    public boolean negotiated() {
        return negotiated;
    }

    public DataChannelState state() {
        return state;
    }

    /** Sends binary data (PPID 53, or 57 when empty); takes ownership of {@code data}. */
    public SendResult send(ByteBuf data) {
        return transport.send(this, data, true);
    }

    /** Sends UTF-8 text (PPID 51, or 56 when empty). */
    public SendResult sendText(String text) {
        ByteBuf data = transport.allocator().buffer(ByteBufUtil.utf8MaxBytes(text));
        ByteBufUtil.writeUtf8(data, text);
        return transport.send(this, data, false);
    }

    /** Sends {@code data} as text (PPID 51) or binary (PPID 53); takes ownership. */
    public SendResult send(ByteBuf data, boolean binary) {
        return transport.send(this, data, binary);
    }

    public long bufferedAmount() {
        return bufferedAmount;
    }

    public long bufferedAmountLowThreshold() {
        return lowThreshold;
    }

    public void setBufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("threshold must be >= 0");
        }
        lowThreshold = bytes;
    }

    /** RFC 8831 §6.7: resets our outgoing stream; the channel is closed when the peer has reset its side too. */
    public void close() {
        transport.close(this);
    }

    // -------- state kept by the transport

    dev.osprey.sctp.SendOptions sendOptions() {
        return sendOptions;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    void acknowledge() {
        acknowledged = true;
    }

    void state(DataChannelState next) {
        state = next;
    }

    void addBuffered(long bytes) {
        bufferedAmount += bytes;
    }

    /** Returns true when this release crossed the low threshold. */
    boolean releaseBuffered(long bytes) {
        long before = bufferedAmount;
        bufferedAmount = Math.max(0, bufferedAmount - bytes);
        return before > lowThreshold && bufferedAmount <= lowThreshold;
    }

    boolean outgoingReset() {
        return outgoingReset;
    }

    void markOutgoingReset() {
        outgoingReset = true;
    }

    boolean incomingReset() {
        return incomingReset;
    }

    void markIncomingReset() {
        incomingReset = true;
    }

    @Override
    public String toString() {
        return "DataChannel[" + id + " '" + label + "' " + state + "]";
    }
}
