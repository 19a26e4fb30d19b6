package dev.osprey.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for {@link RtpPacket} and {@link PacketClassifier}: whatever the bytes, only
 * {@link MalformedPacketException} may escape, a packet that wraps has every region inside its bounds, and the
 * buffer is released. The checked-in corpus under {@code RtpPacketFuzzTestInputs/parse} runs in every build.
 */
class RtpPacketFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            buf.writeBytes(data);
            PacketClassifier.classify(buf);
            RtpPacket packet = new RtpPacket();
            boolean valid = packet.tryWrap(buf);
            try {
                packet.wrap(buf);
                assertThat(valid).isTrue();
            } catch (MalformedPacketException e) {
                assertThat(valid).isFalse();
            }
            if (valid) {
                checkRegions(packet, data.length);
            }
            if (RtpPacket.headerLength(buf, 0, data.length) >= 0) {
                try {
                    packet.wrapHeader(buf, 0, data.length);
                } catch (MalformedPacketException ignored) {
                    // RFC 8285 elements are checked by wrapHeader but not by the static header length
                }
            }
        } finally {
            buf.release();
        }
    }

    private static void checkRegions(RtpPacket packet, int length) {
        assertThat(packet.headerLength() + packet.payloadLength() + packet.paddingLength()).isEqualTo(length);
        assertThat(packet.payloadLength()).isNotNegative();
        for (int v = packet.firstExtensionElement(); v >= 0; v = packet.nextExtensionElement(v)) {
            assertThat(v + packet.extensionElementLength(v)).isLessThanOrEqualTo(packet.payloadOffset());
            assertThat(packet.extensionValueIndex(packet.extensionElementId(v))).isBetween(0, v);
        }
        for (int i = 0; i < packet.csrcCount(); i++) {
            packet.csrc(i);
        }
    }
}
