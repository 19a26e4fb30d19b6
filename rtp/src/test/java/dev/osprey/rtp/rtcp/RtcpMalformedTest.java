package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.MalformedPacketException;
import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every length an RTCP packet declares is checked: each case here must be rejected with the module's exception. */
class RtcpMalformedTest {
    private final TestBuffers bufs = new TestBuffers();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty, ''",
        "truncated header, 80c900",
        "version 1, 40c90001 11223344",
        "length past the end, 80c90002 11223344",
        "second packet truncated, 80c90001 11223344 80c9",
        "padding count zero, a0c90002 11223344 00000000",
        "padding larger than the packet, a0c90002 11223344 00000009",
    })
    void rejectsMalformedCompounds(String why, String hex) {
        ByteBuf buf = bufs.hex(hex);
        RtcpCompoundReader reader = new RtcpCompoundReader();
        assertThatThrownBy(() -> reader.wrap(buf)).isInstanceOf(MalformedPacketException.class);
        assertThat(reader.tryWrap(buf, 0, buf.readableBytes())).isFalse();
        assertThat(reader.next()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SR with RC=2 and one block, SR, 82c8000c 11223344 e1a2b3c4 80000000 00015f90 00000064 0001d4c0 aabbccdd 40fffffe 0001fffe 00000123 a2b3c480 00010000",
        "SR shorter than sender info, SR, 80c80002 11223344 e1a2b3c4",
        "RR without SSRC, RR, 80c90000",
        "RR block past the end, RR, 81c90002 11223344 aabbccdd",
        "wrong packet type, RR, 80c80001 11223344",
        "length field not the packet length, RR, 80c90002 11223344 00000000 00000000",
        "SDES chunk without terminator, SDES, 81ca0002 11223344 01026162",
        "SDES item past the end, SDES, 81ca0002 11223344 01096162",
        "SDES fewer chunks than SC, SDES, 82ca0003 11223344 01036162 63000000",
        "SDES bytes after the chunks, SDES, 81ca0003 11223344 00000000 00000000",
        "SDES chunk SSRC cut, SDES, 81ca0000",
        "BYE sources past the end, BYE, 82cb0001 11223344",
        "BYE reason past the end, BYE, 81cb0002 11223344 09627965",
        "APP shorter than its header, APP, 80cc0001 11223344",
        "NACK without FCI, NACK, 81cd0002 11223344 aabbccdd",
        "NACK with the wrong FMT, NACK, 82cd0003 11223344 aabbccdd 00640005",
        "feedback shorter than its header, NACK, 81cd0001 11223344",
        "PLI with FCI, PLI, 81ce0003 11223344 aabbccdd 00000000",
        "FIR FCI not a multiple of 8, FIR, 84ce0003 11223344 00000000 aabbccdd",
        "REMB without identifier, REMB, 8fce0004 11223344 00000000 52454d43 010bd090",
        "REMB SSRC count mismatch, REMB, 8fce0005 11223344 00000000 52454d42 020bd090 aabbccdd",
        "REMB bitrate overflow, REMB, 8fce0005 11223344 00000000 52454d42 01fbd090 aabbccdd",
        "TWCC status count zero, TWCC, 8fcd0005 11223344 aabbccdd 00010000 00000000",
        "TWCC chunks past the end, TWCC, 8fcd0004 11223344 aabbccdd 00010020 00000000",
        "TWCC deltas past the end, TWCC, 8fcd0005 11223344 aabbccdd 00010003 00000000 20030000",
        "TWCC reserved symbol in a run, TWCC, 8fcd0005 11223344 aabbccdd 00010001 00000000 60010000",
        "TWCC reserved symbol in a vector, TWCC, 8fcd0005 11223344 aabbccdd 00010001 00000000 f0000000",
        "TWCC run of length zero, TWCC, 8fcd0005 11223344 aabbccdd 00010001 00000000 20000000",
        "TWCC trailing bytes, TWCC, 8fcd0006 11223344 aabbccdd 00010001 00000000 20010100 00000000",
        "XR block past the end, XR, 80cf0003 11223344 04000002 e1a2b3c4",
        "XR RRTR of the wrong length, XR, 80cf0003 11223344 04000001 e1a2b3c4",
        "XR DLRR not a multiple of 3 words, XR, 80cf0004 11223344 05000002 aabbccdd b3c48000",
    })
    void rejectsMalformedPackets(String why, String type, String hex) {
        ByteBuf buf = bufs.hex(hex);
        RtcpPacketView view = views(type).get();
        assertThatThrownBy(() -> view.wrap(buf, 0, buf.readableBytes()))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageStartingWith(view.getClass().getSimpleName());
        assertThat(view.buffer()).isNull();
    }

    @Test
    void rejectsARangeOutsideTheBuffer() {
        ByteBuf buf = bufs.hex("80c90001 11223344");
        assertThatThrownBy(() -> new ReceiverReport().wrap(buf, 4, 8)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> new RtcpCompoundReader().wrap(buf, 4, 8)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void buildersRefuseWhatTheWireCannotCarry() {
        ByteBuf out = bufs.allocate(64);
        assertThatThrownBy(() -> new ReportBlock(1, 256, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReportBlock(1, 0, -10_000_000, 0, 0, 0, 0).cumulativeLost()).isEqualTo(ReportBlock.MIN_CUMULATIVE_LOST);
        assertThatThrownBy(() -> ApplicationDefined.write(out, 0, 1, "TOOLONG", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApplicationDefined.write(out, 0, 1, "NAME", new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GenericNack.write(out, 1, 2, new int[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceDescription.Item(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportFeedbackWriter().write(out)).isInstanceOf(IllegalStateException.class);
        TransportFeedbackWriter writer = new TransportFeedbackWriter().reset(1, 2, 100, 0, 0);
        assertThat(writer.addReceived(99, 0)).isFalse(); // before the base
        assertThat(writer.addReceived(100, 1000)).isTrue();
        assertThat(writer.addReceived(100, 1000)).isFalse(); // duplicate
        assertThat(writer.addReceived(101, 1000 + 250L * 40_000)).isFalse(); // delta past 16 bits
    }

    private static Supplier<RtcpPacketView> views(String type) {
        return switch (type) {
            case "SR" -> SenderReport::new;
            case "RR" -> ReceiverReport::new;
            case "SDES" -> SourceDescription::new;
            case "BYE" -> Goodbye::new;
            case "APP" -> ApplicationDefined::new;
            case "NACK" -> GenericNack::new;
            case "PLI" -> PictureLossIndication::new;
            case "FIR" -> FullIntraRequest::new;
            case "REMB" -> ReceiverEstimatedMaxBitrate::new;
            case "TWCC" -> TransportFeedback::new;
            case "XR" -> ExtendedReport::new;
            default -> throw new IllegalArgumentException(type);
        };
    }
}
