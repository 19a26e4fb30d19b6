package dev.osprey.rtp.nack;

import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.osprey.rtp.TestBuffers.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4588 §4: RTX packets carry the original sequence number in front of the original payload. */
class RtxPayloadTest {
    // original: V=2 P=1 X=1 | M=1 PT=96 | seq 0x1234 | ts 100 | SSRC 11111111 | one-byte ext ID 1 "aa" | 010203 | 2 padding
    private static final String ORIGINAL = "b0e0 1234 00000064 11111111 bede0001 10aa0000 010203 0002";
    // RTX: padding bit cleared, PT 97 keeping M, seq 7, SSRC 22222222, same extension, OSN 1234, payload
    private static final String RTX = "90e1 0007 00000064 22222222 bede0001 10aa0000 1234 010203";
    private final TestBuffers bufs = new TestBuffers();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    @Test
    void writesTheRtxPacket() {
        RtpPacket original = new RtpPacket().wrap(bufs.hex(ORIGINAL));
        ByteBuf out = bufs.allocate(64);
        assertThat(RtxPayload.writeRtx(original, out, 97, 0x22222222, 7)).isEqualTo(25);
        assertThat(hexOf(out)).isEqualTo(RTX.replace(" ", ""));
        RtpPacket rtx = new RtpPacket().wrap(out);
        assertThat(RtxPayload.originalSequenceNumber(rtx)).isEqualTo(0x1234);
    }

    @Test
    void restoresTheOriginalInPlace() {
        ByteBuf buf = bufs.hex(RTX);
        RtpPacket packet = new RtpPacket().wrap(buf);
        RtxPayload.restoreOriginal(packet, 96, 0x11111111);
        assertThat(hexOf(buf)).isEqualTo("90e01234" + "00000064" + "11111111" + "bede0001" + "10aa0000" + "010203");
        assertThat(buf.readerIndex()).isEqualTo(2);
        assertThat(packet.offset()).isEqualTo(2);
        assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
        assertThat(packet.payloadLength()).isEqualTo(3);
    }

    @Test
    void restoringKeepsTheRtxPacketsOwnPadding() {
        ByteBuf buf = bufs.hex("a0610007 00000064 22222222 1234 0102 0003"); // P=1, 3 bytes of padding
        RtpPacket packet = new RtpPacket().wrap(buf);
        RtxPayload.restoreOriginal(packet, 96, 1);
        assertThat(packet.payloadLength()).isEqualTo(1);
        assertThat(packet.paddingLength()).isEqualTo(3);
        assertThat(hexOf(buf, packet.payloadOffset(), 1)).isEqualTo("01");
    }

    @Test
    void refusesAPayloadWithoutOriginalSequenceNumber() {
        ByteBuf probe = bufs.hex("a0610007 00000064 22222222 00000004"); // padding-only probe
        RtpPacket packet = new RtpPacket().wrap(probe);
        assertThat(RtxPayload.originalSequenceNumber(packet)).isEqualTo(-1);
        assertThatThrownBy(() -> RtxPayload.restoreOriginal(packet, 96, 1)).isInstanceOf(MalformedPacketException.class);
        ByteBuf wider = bufs.hex(RTX + "ff");
        RtpPacket inner = new RtpPacket().wrap(wider, 0, wider.readableBytes() - 1);
        assertThatThrownBy(() -> RtxPayload.restoreOriginal(inner, 96, 1)).isInstanceOf(IllegalStateException.class);
        RtpPacket original = new RtpPacket().wrap(bufs.hex(ORIGINAL));
        assertThatThrownBy(() -> RtxPayload.writeRtx(original, bufs.allocate(64), 128, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void rtxRoundTripRestoresTheOriginal(@ForAll @IntRange(max = 127) int pt, @ForAll @IntRange(max = 65535) int seq,
                                         @ForAll int ssrc, @ForAll @IntRange(max = 15) int csrcs,
                                         @ForAll @Size(max = 300) byte[] payload, @ForAll @IntRange(max = 65535) int rtxSeq) {
        ByteBuf original = PooledByteBufAllocator.DEFAULT.directBuffer();
        ByteBuf rtx = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            RtpPacket.writeFixedHeader(original, seq % 2 == 0, pt, seq, seq * 3000, ssrc);
            original.setByte(0, original.getByte(0) | csrcs);
            for (int i = 0; i < csrcs; i++) {
                original.writeInt(i * 7919);
            }
            original.writeBytes(payload);
            RtpPacket packet = new RtpPacket().wrap(original);
            RtxPayload.writeRtx(packet, rtx, 97, ssrc ^ 0x5555, rtxSeq);
            RtpPacket rtxPacket = new RtpPacket().wrap(rtx);
            assertThat(rtxPacket.sequenceNumber()).isEqualTo(rtxSeq);
            RtxPayload.restoreOriginal(rtxPacket, pt, ssrc);
            assertThat(ByteBufUtil.hexDump(rtx)).isEqualTo(ByteBufUtil.hexDump(original));
        } finally {
            original.release();
            rtx.release();
        }
    }
}
