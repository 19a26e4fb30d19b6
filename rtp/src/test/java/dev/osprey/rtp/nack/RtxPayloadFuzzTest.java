package dev.osprey.rtp.nack;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for RTX decapsulation: on any packet that wraps, restoring the original either fails with the
 * module's exception (no OSN) or yields a packet that wraps again, two bytes shorter, with the OSN as its sequence
 * number and the payload that followed the OSN.
 */
class RtxPayloadFuzzTest {

    @FuzzTest
    void restore(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            buf.writeBytes(data);
            RtpPacket packet = new RtpPacket();
            if (!packet.tryWrap(buf)) {
                return;
            }
            int osn = RtxPayload.originalSequenceNumber(packet);
            int payload = packet.payloadLength();
            int firstPayloadByte = payload > 2 ? (int) buf.getUnsignedByte(packet.payloadOffset() + 2) : -1;
            try {
                RtxPayload.restoreOriginal(packet, 96, 1234);
            } catch (MalformedPacketException e) {
                assertThat(osn).isEqualTo(-1);
                return;
            }
            RtpPacket again = new RtpPacket().wrap(buf);
            assertThat(again.sequenceNumber()).isEqualTo(osn);
            assertThat(again.payloadLength()).isEqualTo(payload - 2);
            assertThat(again.ssrc()).isEqualTo(1234);
            if (firstPayloadByte >= 0) {
                assertThat((int) buf.getUnsignedByte(again.payloadOffset())).isEqualTo(firstPayloadByte);
            }
        } finally {
            buf.release();
        }
    }
}
