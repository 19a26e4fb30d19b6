package dev.osprey.signaling.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.media.api.DataReliability;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import livekit.LivekitModels.DataPacket;

/**
 * Fuzzes what a participant's data channel message goes through before it is relayed: decode from a pooled direct
 * buffer (as SCTP delivers it), the forwarding rule, the sender stamp, and the one encoding receivers get. Only
 * {@link DataPacketException} may escape the decode; whatever decodes must stamp, encode and decode back to the
 * stamped packet; every buffer is released (the leak guard checks).
 */
class DataPacketCodecFuzzTest {
    private static final SenderStamp ALICE = new SenderStamp("PA_alice0000000", "alice", false);

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) throws Exception {
        ByteBuf message = PooledByteBufAllocator.DEFAULT.directBuffer(input.length).writeBytes(input);
        DataPacket packet;
        try {
            packet = DataPacketCodec.decode(message);
        } catch (DataPacketException expected) {
            return;
        } finally {
            message.release();
        }
        SenderStamp.refusal(packet);
        DataPacket stamped = ALICE.apply(packet, input.length % 2 == 0 ? DataReliability.RELIABLE
                : DataReliability.LOSSY);
        ByteBuf encoded = DataPacketCodec.encode(stamped, PooledByteBufAllocator.DEFAULT);
        try {
            DataPacket again = DataPacketCodec.decode(encoded);
            if (!again.equals(stamped)) {
                throw new AssertionError("encode/decode changed " + stamped);
            }
            if (!stamped.getParticipantIdentity().equals("alice") || !stamped.getParticipantSid().equals(ALICE.sid())) {
                throw new AssertionError("stamp missing on " + stamped);
            }
        } finally {
            encoded.release();
        }
    }
}
