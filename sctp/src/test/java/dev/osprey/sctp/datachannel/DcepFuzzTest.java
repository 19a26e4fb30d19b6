package dev.osprey.sctp.datachannel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DCEP (RFC 8832 §5): vectors, and a Jazzer target whose corpus runs in every build. */
class DcepFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(Math.max(1, data.length)).writeBytes(data);
        try {
            DcepMessage message = DcepMessage.decode(buf);
            ByteBuf again = Unpooled.buffer();
            message.encode(again);
            assertThat(again.readableBytes()).isEqualTo(message.length());
            assertThat(DcepMessage.decode(again)).isEqualTo(message);
        } catch (SctpParseException expected) {
            // most random bytes are not DCEP
        } finally {
            buf.release();
        }
    }

    @Test
    void openForTheLossyChannelMatchesTheLayout() throws SctpParseException {
        // type 0x03, channel type 0x81 (partial reliable rexmit, unordered), priority 256, reliability 0,
        // label length 6, protocol length 0, "_lossy"
        String hex = "0381010000000000000600005f6c6f737379";
        DcepMessage.DataChannelOpen open = (DcepMessage.DataChannelOpen) DcepMessage.decode(
                Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
        assertThat(open.label()).isEqualTo("_lossy");
        assertThat(ChannelOptions.of(open.channelType(), open.reliabilityParameter(), open.protocol(),
                open.priority())).isEqualTo(ChannelOptions.LOSSY);
        ByteBuf out = Unpooled.buffer();
        new DcepMessage.DataChannelOpen(ChannelOptions.LOSSY.channelType(), 256,
                ChannelOptions.LOSSY.reliabilityParameter(), "_lossy", "").encode(out);
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(hex);
    }

    @Test
    void ackIsOneByteAndMalformedMessagesAreRejected() throws SctpParseException {
        assertThat(DcepMessage.decode(Unpooled.wrappedBuffer(new byte[]{2}))).isEqualTo(new DcepMessage.DataChannelAck());
        for (String hex : new String[]{"", "0200", "04", "03810100000000", "0381010000000000000600005f6c6f7373"}) {
            assertThatThrownBy(() -> DcepMessage.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex))))
                    .isInstanceOf(SctpParseException.class);
        }
    }
}
