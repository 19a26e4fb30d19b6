package dev.osprey.rtp.extension;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for the typed readers and the editor: on any packet that wraps, no reader may throw, and any edit
 * the editor accepts must leave a packet that wraps again with the edited elements in place.
 */
class HeaderExtensionFuzzTest {

    @FuzzTest
    void readAndEdit(FuzzedDataProvider data) {
        int removeId = data.consumeInt(0, 255);
        int putId = data.consumeInt(1, 255);
        byte[] putValue = data.consumeBytes(data.consumeInt(0, 255));
        int headroom = data.consumeInt(0, 64);
        byte[] packetBytes = data.consumeRemainingAsBytes();
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(headroom + packetBytes.length + 1);
        try {
            buf.writeZero(headroom).readerIndex(headroom);
            buf.writeBytes(packetBytes);
            RtpPacket packet = new RtpPacket();
            if (!packet.tryWrap(buf)) {
                return;
            }
            // the IDs present, the absent one-byte IDs and the extremes: every reader on every kind of lookup
            for (int v = packet.firstExtensionElement(); v >= 0; v = packet.nextExtensionElement(v)) {
                readAll(packet, packet.extensionElementId(v));
            }
            for (int id : new int[] {0, 1, 7, 14, 15, 16, 255}) {
                readAll(packet, id);
            }
            if (packet.hasExtension() && packet.extensionForm() == RtpPacket.FORM_NONE) {
                return;
            }
            new HeaderExtensionEditor().begin(packet).remove(removeId).put(putId, putValue).apply();
            RtpPacket again = new RtpPacket().wrap(buf);
            int v = again.extensionValueIndex(putId);
            assertThat(v).isNotNegative();
            assertThat(again.extensionElementLength(v)).isEqualTo(putValue.length);
            if (removeId != putId) {
                assertThat(again.extensionValueIndex(removeId)).isEqualTo(-1);
            }
        } finally {
            buf.release();
        }
    }

    private static void readAll(RtpPacket packet, int id) {
        SdesItemExtension.read(packet, id);
        AudioLevel.read(packet, id);
        AbsSendTime.read(packet, id);
        TransportSequenceNumber.read(packet, id);
        PlayoutDelay.read(packet, id);
        int v = AbsoluteCaptureTime.valueIndex(packet, id);
        if (v >= 0) {
            AbsoluteCaptureTime.captureNtpTimestamp(packet, v);
            if (AbsoluteCaptureTime.hasClockOffset(packet, v)) {
                AbsoluteCaptureTime.estimatedCaptureClockOffset(packet, v);
            }
        }
    }
}
