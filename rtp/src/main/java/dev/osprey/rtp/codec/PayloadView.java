package dev.osprey.rtp.codec;

import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;

/** Binding of a payload flyweight: range checks and the throwing/non-throwing entry points. */
public abstract class PayloadView {
    protected ByteBuf buf;
    protected int offset;
    protected int length;

    /** Binds to the payload of a wrapped packet. */
    public final void wrap(RtpPacket packet) {
        wrap(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
    }

    /** Binds to {@code length} payload bytes at absolute {@code offset}; throws if they are malformed. */
    public final void wrap(ByteBuf buf, int offset, int length) {
        String error = bind(buf, offset, length);
        if (error != null) {
            this.buf = null;
            throw new MalformedPacketException(getClass().getSimpleName() + ": " + error);
        }
    }

    /** {@link #wrap(ByteBuf, int, int)} returning {@code false} instead of throwing. */
    public final boolean tryWrap(ByteBuf buf, int offset, int length) {
        if (bind(buf, offset, length) != null) {
            this.buf = null;
            return false;
        }
        return true;
    }

    /** {@link #tryWrap(ByteBuf, int, int)} over the payload of a wrapped packet. */
    public final boolean tryWrap(RtpPacket packet) {
        return tryWrap(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
    }

    private String bind(ByteBuf buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.capacity() - length) {
            return "payload range lies outside the buffer";
        }
        if (length == 0) {
            return "empty payload";
        }
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        return parse();
    }

    /** Parses the bound range; returns an error message or {@code null}. */
    protected abstract String parse();

    public final ByteBuf buffer() {
        return buf;
    }

    /** Absolute index of the payload (the descriptor's first byte). */
    public final int offset() {
        return offset;
    }

    public final int length() {
        return length;
    }
}
