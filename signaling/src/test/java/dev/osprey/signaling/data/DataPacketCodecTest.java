package dev.osprey.signaling.data;

import com.google.protobuf.ByteString;
import dev.osprey.media.api.DataReliability;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataPacketCodecTest {
    private static ByteBuf direct(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    private static void assertMalformed(byte[] bytes) {
        ByteBuf b = direct(bytes);
        try {
            assertThatThrownBy(() -> DataPacketCodec.decode(b)).isInstanceOf(DataPacketException.class);
            assertThat(b.readerIndex()).as("the message is read in place, not consumed").isZero();
        } finally {
            b.release();
        }
    }

    @Test
    void malformedMessagesFailWithTheModulesExceptionOnly() {
        assertMalformed(new byte[] {0x2A, 0x05, 'b', 'o'}); // a destination identity longer than the message
        assertMalformed(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80}); // tag varint never ends
        assertMalformed(new byte[] {0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}); // huge length
        assertMalformed(new byte[] {0x0B}); // field 1 as a start-group that never ends
        assertMalformed(new byte[] {0x07}); // wire type 7 does not exist
        assertMalformed(new byte[] {0x00}); // field number 0
        assertMalformed(new byte[] {0x12, 0x02, 0x12, 0x05}); // user payload longer than the user message
    }

    @Test
    void anEmptyMessageIsAnEmptyPacketThatIsNotRelayed() throws Exception {
        ByteBuf b = direct(new byte[0]);
        try {
            DataPacket p = DataPacketCodec.decode(b);
            assertThat(SenderStamp.refusal(p)).isEqualTo(DropCause.EMPTY);
        } finally {
            b.release();
        }
    }

    @Test
    void aMessageReassembledFromSeveralBuffersDecodes() throws Exception {
        byte[] bytes = DataPacket.newBuilder().setUser(UserPacket.newBuilder()
                .setPayload(ByteString.copyFrom(new byte[3000]))).build().toByteArray();
        CompositeByteBuf composite = PooledByteBufAllocator.DEFAULT.compositeDirectBuffer();
        composite.addComponent(true, direct(java.util.Arrays.copyOfRange(bytes, 0, 1000)));
        composite.addComponent(true, direct(java.util.Arrays.copyOfRange(bytes, 1000, bytes.length)));
        try {
            assertThat(DataPacketCodec.decode(composite).getUser().getPayload().size()).isEqualTo(3000);
        } finally {
            composite.release();
        }
    }

    @Property(tries = 200)
    void aStampedUserPacketSurvivesEncodeAndDecode(@ForAll @StringLength(max = 40) String topic,
                                                  @ForAll @Size(max = 300) byte[] payload,
                                                  @ForAll @Size(max = 4) List<@StringLength(min = 1, max = 20) String> to)
            throws Exception {
        DataPacket p = DataPacket.newBuilder().addAllDestinationIdentities(to).setUser(UserPacket.newBuilder()
                .setTopic(topic).setPayload(ByteString.copyFrom(payload))).build();
        DataPacket stamped = new SenderStamp("PA_x", "alice", false).apply(p, DataReliability.LOSSY);
        ByteBuf encoded = DataPacketCodec.encode(stamped, PooledByteBufAllocator.DEFAULT);
        try {
            DataPacket back = DataPacketCodec.decode(encoded);
            assertThat(back).isEqualTo(stamped);
            assertThat(back.getUser().getDestinationIdentitiesList()).isEqualTo(to);
            assertThat(back.getKind()).isEqualTo(DataPacket.Kind.LOSSY);
        } finally {
            encoded.release();
        }
    }
}
