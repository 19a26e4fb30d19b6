package dev.osprey.media.testing;

import dev.osprey.media.forward.EgressSink;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.codec.Vp8Descriptor;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An in-memory transport for tests: records what would be encrypted and written (as byte arrays), checks the tail
 * room the SRTP tag needs, and releases every buffer it is given, as a real transport does.
 */
public final class RecordingSink implements EgressSink {
    private final int requiredTailroom;
    public final List<byte[]> rtp = new ArrayList<>();
    public final List<byte[]> rtcp = new ArrayList<>();
    private Consumer<byte[]> onRtp = b -> { };
    public int missingTailroom;

    public RecordingSink(int requiredTailroom) {
        this.requiredTailroom = requiredTailroom;
    }

    /** Runs {@code action} for every RTP packet, after recording it (e.g. to unsubscribe mid-fan-out). */
    public RecordingSink onRtp(Consumer<byte[]> action) {
        this.onRtp = action;
        return this;
    }

    @Override
    public ByteBufAllocator allocator() {
        return PooledByteBufAllocator.DEFAULT;
    }

    @Override
    public void sendRtp(ByteBuf packet) {
        try {
            record(packet, rtp);
        } finally {
            packet.release();
        }
        onRtp.accept(rtp.get(rtp.size() - 1));
    }

    @Override
    public void sendRtcp(ByteBuf packet) {
        try {
            record(packet, rtcp);
        } finally {
            packet.release();
        }
    }

    private void record(ByteBuf packet, List<byte[]> into) {
        if (packet.maxWritableBytes() < requiredTailroom || packet.capacity() - packet.writerIndex() < requiredTailroom) {
            missingTailroom++;
        }
        into.add(ByteBufUtil.getBytes(packet));
    }

    public void clear() {
        rtp.clear();
        rtcp.clear();
    }

    /** A flyweight over a recorded packet (heap buffer; tests only). */
    public static RtpPacket parse(byte[] bytes) {
        return new RtpPacket().wrap(Unpooled.wrappedBuffer(bytes));
    }

    public static int seq(byte[] bytes) {
        return parse(bytes).sequenceNumber();
    }

    public static int ts(byte[] bytes) {
        return parse(bytes).timestamp();
    }

    public static int ssrc(byte[] bytes) {
        return parse(bytes).ssrc();
    }

    public static int pt(byte[] bytes) {
        return parse(bytes).payloadType();
    }

    /** The VP8 PictureID of a recorded packet, -1 without one. */
    public static int vp8PictureId(byte[] bytes) {
        Vp8Descriptor d = new Vp8Descriptor();
        return d.tryWrap(parse(bytes)) ? d.pictureId() : -1;
    }

    /** The RTCP packet types (and FMT/count) of each recorded compound, e.g. "206/1" for a PLI. */
    public List<String> rtcpTypes() {
        List<String> types = new ArrayList<>();
        RtcpCompoundReader reader = new RtcpCompoundReader();
        for (byte[] c : rtcp) {
            reader.wrap(Unpooled.wrappedBuffer(c));
            while (reader.next()) {
                types.add(reader.packetType() + "/" + reader.count());
            }
        }
        return types;
    }
}
