package dev.osprey.rtp.rtcp;

import dev.osprey.rtp.TestBuffers;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every RTCP type against the hand-built vectors: parse reads the documented fields, build yields the same bytes. */
class RtcpVectorsTest {
    private static final Map<String, String> VECTORS = TestBuffers.vectors(RtcpVectorsTest.class, "rtcp-vectors.txt");
    private final TestBuffers bufs = new TestBuffers();

    @AfterEach
    void release() {
        bufs.releaseAll();
    }

    private ByteBuf vector(String name) {
        return bufs.hex(VECTORS.get(name));
    }

    private <T extends RtcpPacketView> T parse(T view, String name) {
        ByteBuf buf = vector(name);
        view.wrap(buf, 0, buf.readableBytes());
        return view;
    }

    private ByteBuf out() {
        return bufs.allocate(256);
    }

    private static void assertBytes(ByteBuf out, String name) {
        assertThat(TestBuffers.hexOf(out)).isEqualTo(VECTORS.get(name));
    }

    @Test
    void senderReport() {
        SenderReport sr = parse(new SenderReport(), "sr");
        assertThat(sr.ssrc()).isEqualTo(0x11223344);
        assertThat(sr.ntpTimestamp()).isEqualTo(0xe1a2b3c480000000L);
        assertThat(sr.compactNtp()).isEqualTo(0xb3c48000);
        assertThat(sr.rtpTimestamp()).isEqualTo(90000);
        assertThat(sr.packetCount()).isEqualTo(100);
        assertThat(sr.octetCount()).isEqualTo(120000);
        assertThat(sr.reportCount()).isEqualTo(1);
        ReportBlock block = ReportBlock.read(sr, 0);
        assertThat(block).isEqualTo(new ReportBlock(0xaabbccdd, 64, -2, 0x1fffeL, 0x123, 0xa2b3c480L, 0x10000));
        assertThat(sr.extensionLength()).isZero();

        ByteBuf out = out();
        assertThat(SenderReport.write(out, 0x11223344, 0xe1a2b3c480000000L, 90000, 100, 120000, block)).isEqualTo(52);
        assertBytes(out, "sr");
    }

    @Test
    void receiverReportWithoutBlocks() {
        ReceiverReport rr = parse(new ReceiverReport(), "rr_empty");
        assertThat(rr.ssrc()).isEqualTo(0x11223344);
        assertThat(rr.reportCount()).isZero();
        ByteBuf out = out();
        ReceiverReport.write(out, 0x11223344);
        assertBytes(out, "rr_empty");
    }

    @Test
    void sourceDescription() {
        SourceDescription sdes = parse(new SourceDescription(), "sdes_cname");
        int chunk = sdes.firstChunk();
        assertThat(sdes.chunkSsrc(chunk)).isEqualTo(0x11223344);
        int item = sdes.firstItem(chunk);
        assertThat(sdes.itemType(item)).isEqualTo(SourceDescription.CNAME);
        assertThat(sdes.itemText(item)).isEqualTo("abc");
        assertThat(sdes.nextItem(item)).isEqualTo(-1);
        assertThat(sdes.nextChunk(chunk)).isEqualTo(-1);
        assertThat(sdes.cname(0x11223344)).isEqualTo("abc");
        assertThat(sdes.cname(1)).isNull();
        ByteBuf out = out();
        SourceDescription.writeCname(out, 0x11223344, "abc");
        assertBytes(out, "sdes_cname");
    }

    @Test
    void goodbye() {
        Goodbye bye = parse(new Goodbye(), "bye");
        assertThat(bye.sourceCount()).isEqualTo(1);
        assertThat(bye.ssrc(0)).isEqualTo(0x11223344);
        assertThat(bye.reason()).isNull();
        assertThat(parse(new Goodbye(), "bye_reason").reason()).isEqualTo("bye");
        ByteBuf out = out();
        Goodbye.write(out, new int[] {0x11223344}, null);
        assertBytes(out, "bye");
        ByteBuf withReason = out();
        Goodbye.write(withReason, new int[] {0x11223344}, "bye");
        assertBytes(withReason, "bye_reason");
    }

    @Test
    void applicationDefined() {
        ApplicationDefined app = parse(new ApplicationDefined(), "app");
        assertThat(app.subtype()).isEqualTo(2);
        assertThat(app.ssrc()).isEqualTo(0x11223344);
        assertThat(app.name()).isEqualTo("TEST");
        assertThat(app.nameCode()).isEqualTo(0x54455354);
        assertThat(app.dataLength()).isEqualTo(4);
        assertThat(TestBuffers.hexOf(app.buffer(), app.dataIndex(), 4)).isEqualTo("01020304");
        ByteBuf out = out();
        ApplicationDefined.write(out, 2, 0x11223344, "TEST", new byte[] {1, 2, 3, 4});
        assertBytes(out, "app");
    }

    @Test
    void genericNack() {
        GenericNack nack = parse(new GenericNack(), "nack");
        assertThat(nack.senderSsrc()).isEqualTo(0x11223344);
        assertThat(nack.mediaSsrc()).isEqualTo(0xaabbccdd);
        assertThat(nack.itemCount()).isEqualTo(1);
        assertThat(nack.packetId(0)).isEqualTo(100);
        assertThat(nack.lostBitmask(0)).isEqualTo(5);
        assertThat(nack.lostCount()).isEqualTo(3);
        List<Integer> lost = new ArrayList<>();
        nack.forEachLost(lost::add);
        assertThat(lost).containsExactly(100, 101, 103);
        ByteBuf out = out();
        GenericNack.write(out, 0x11223344, 0xaabbccdd, new int[] {100, 101, 103, 103}, 4);
        assertBytes(out, "nack");
    }

    @Test
    void nackSplitsItemsAndWrapsAround() {
        ByteBuf out = out();
        int length = GenericNack.write(out, 1, 2, new int[] {65534, 65535, 0, 15, 16, 40}, 6);
        GenericNack nack = new GenericNack();
        nack.wrap(out, 0, length);
        assertThat(nack.itemCount()).isEqualTo(3);
        assertThat(nack.packetId(0)).isEqualTo(65534);
        assertThat(nack.lostBitmask(0)).isEqualTo(0b11); // 65535 and 0; 15 is PID + 17, too far
        assertThat(nack.packetId(1)).isEqualTo(15);
        assertThat(nack.lostBitmask(1)).isEqualTo(0b1);
        assertThat(nack.packetId(2)).isEqualTo(40);
        assertThat(nack.lostBitmask(2)).isZero();
        List<Integer> lost = new ArrayList<>();
        nack.forEachLost(lost::add);
        assertThat(lost).containsExactly(65534, 65535, 0, 15, 16, 40);
    }

    @Test
    void pictureLossIndication() {
        PictureLossIndication pli = parse(new PictureLossIndication(), "pli");
        assertThat(pli.mediaSsrc()).isEqualTo(0xaabbccdd);
        ByteBuf out = out();
        PictureLossIndication.write(out, 0x11223344, 0xaabbccdd);
        assertBytes(out, "pli");
    }

    @Test
    void fullIntraRequest() {
        FullIntraRequest fir = parse(new FullIntraRequest(), "fir");
        assertThat(fir.mediaSsrc()).isZero();
        assertThat(fir.entryCount()).isEqualTo(1);
        assertThat(fir.ssrc(0)).isEqualTo(0xaabbccdd);
        assertThat(fir.sequenceNumber(0)).isEqualTo(7);
        ByteBuf out = out();
        FullIntraRequest.write(out, 0x11223344, 0xaabbccdd, 7);
        assertBytes(out, "fir");
    }

    @Test
    void receiverEstimatedMaxBitrate() {
        ReceiverEstimatedMaxBitrate remb = parse(new ReceiverEstimatedMaxBitrate(), "remb");
        assertThat(remb.bitrateBps()).isEqualTo(1_000_000);
        assertThat(remb.ssrcCount()).isEqualTo(1);
        assertThat(remb.ssrc(0)).isEqualTo(0xaabbccdd);
        ByteBuf out = out();
        ReceiverEstimatedMaxBitrate.write(out, 0x11223344, 1_000_000, new int[] {0xaabbccdd});
        assertBytes(out, "remb");
        RtcpCompoundReader reader = new RtcpCompoundReader().wrap(vector("remb"));
        assertThat(reader.next()).isTrue();
        assertThat(ReceiverEstimatedMaxBitrate.matches(reader)).isTrue();
        reader.wrap(vector("pli"));
        reader.next();
        assertThat(ReceiverEstimatedMaxBitrate.matches(reader)).isFalse();
    }

    @Test
    void transportFeedbackWithA2BitVector() {
        TransportFeedback tf = parse(new TransportFeedback(), "twcc_vector");
        assertThat(tf.baseSequence()).isEqualTo(0xfffe);
        assertThat(tf.statusCount()).isEqualTo(5);
        assertThat(tf.referenceTime()).isEqualTo(16);
        assertThat(tf.referenceTimeMicros()).isEqualTo(1_024_000);
        assertThat(tf.feedbackPacketCount()).isEqualTo(7);
        assertThat(new int[] {tf.status(0), tf.status(1), tf.status(2), tf.status(3), tf.status(4)})
                .containsExactly(1, 0, 1, 2, 1);
        assertThat(tf.sequenceNumber(2)).isZero();
        assertThat(tf.receiveDeltaTicks(0)).isEqualTo(1);
        assertThat(tf.receiveDeltaTicks(2)).isEqualTo(2);
        assertThat(tf.receiveDeltaTicks(3)).isEqualTo(-4);
        assertThat(tf.receiveDeltaTicks(4)).isEqualTo(255);
        assertThat(tf.receivedCount()).isEqualTo(4);

        TransportFeedbackWriter writer = new TransportFeedbackWriter().reset(0x11223344, 0xaabbccdd, 0xfffe, 1_024_000, 7);
        assertThat(writer.addReceived(0xfffe, 1_024_250)).isTrue();
        assertThat(writer.addReceived(0x0000, 1_024_750)).isTrue();
        assertThat(writer.addReceived(0x0001, 1_023_750)).isTrue();
        assertThat(writer.addReceived(0x0002, 1_087_500)).isTrue();
        ByteBuf out = out();
        assertThat(writer.write(out)).isEqualTo(28);
        assertBytes(out, "twcc_vector");
    }

    @Test
    void transportFeedbackWithRunLengthChunks() {
        TransportFeedbackWriter writer = new TransportFeedbackWriter().reset(0x11223344, 0xaabbccdd, 1, 0, 0);
        for (int i = 0; i < 20; i++) {
            assertThat(writer.addReceived(1 + i, 250L * (i + 1))).isTrue();
        }
        ByteBuf out = out();
        writer.write(out);
        assertBytes(out, "twcc_run");

        TransportFeedback tf = parse(new TransportFeedback(), "twcc_lost_run");
        assertThat(tf.statusCount()).isEqualTo(222);
        assertThat(tf.receivedCount()).isEqualTo(1);
        assertThat(tf.isReceived(220)).isFalse();
        assertThat(tf.isReceived(221)).isTrue();
        assertThat(tf.receiveDeltaTicks(221)).isEqualTo(16);
        assertThat(tf.referenceTimeMicros()).isEqualTo(64_000);
    }

    @Test
    void extendedReports() {
        ExtendedReport rrtr = parse(new ExtendedReport(), "xr_rrtr");
        int block = rrtr.firstBlock();
        assertThat(rrtr.blockType(block)).isEqualTo(ExtendedReport.RECEIVER_REFERENCE_TIME);
        assertThat(rrtr.referenceTimeNtp(block)).isEqualTo(0xe1a2b3c480000000L);
        assertThat(rrtr.nextBlock(block)).isEqualTo(-1);
        ByteBuf out = out();
        ExtendedReport.writeReceiverReferenceTime(out, 0x11223344, 0xe1a2b3c480000000L);
        assertBytes(out, "xr_rrtr");

        ExtendedReport dlrr = parse(new ExtendedReport(), "xr_dlrr");
        block = dlrr.firstBlock();
        assertThat(dlrr.dlrrCount(block)).isEqualTo(1);
        assertThat(dlrr.dlrrSsrc(block, 0)).isEqualTo(0xaabbccdd);
        assertThat(dlrr.lastReceiverReport(block, 0)).isEqualTo(0xb3c48000L);
        assertThat(dlrr.delaySinceLastReceiverReport(block, 0)).isEqualTo(0x8000);
        ByteBuf dlrrOut = out();
        ExtendedReport.writeDlrr(dlrrOut, 0x11223344, new int[] {0xaabbccdd}, new long[] {0xb3c48000L}, new long[] {0x8000});
        assertBytes(dlrrOut, "xr_dlrr");
    }

    @Test
    void walksACompoundAndAReducedSizePacket() {
        ByteBuf compound = bufs.hex(VECTORS.get("sr") + VECTORS.get("sdes_cname") + VECTORS.get("remb")
                + VECTORS.get("twcc_vector"));
        RtcpCompoundReader reader = new RtcpCompoundReader().wrap(compound);
        List<String> types = new ArrayList<>();
        while (reader.next()) {
            types.add(RtcpPacketType.valueOf(reader.packetType()) + "/" + reader.count());
        }
        assertThat(types).containsExactly("SR/1", "SDES/1", "PSFB/15", "RTPFB/15");
        assertThat(reader.next()).isFalse();

        ByteBuf reduced = vector("pli"); // RFC 5506: a lone feedback message
        reader.wrap(reduced);
        assertThat(reader.next()).isTrue();
        assertThat(reader.isLast()).isTrue();
        new PictureLossIndication().wrap(reader);
        assertThat(RtcpPacketType.valueOf(210).name()).isEqualTo("PT210");
        assertThat(RtcpPacketType.valueOf(210).isKnown()).isFalse();
    }
}
