package dev.osprey.rtp.rtcp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.rtp.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for every RTCP parser: the compound reader, then each packet through the view of its type, reading
 * every field. Only {@link MalformedPacketException} may escape a wrap, and nothing may escape a getter afterwards.
 */
class RtcpFuzzTest {
    private final RtcpCompoundReader reader = new RtcpCompoundReader();
    private final SenderReport sr = new SenderReport();
    private final ReceiverReport rr = new ReceiverReport();
    private final SourceDescription sdes = new SourceDescription();
    private final Goodbye bye = new Goodbye();
    private final ApplicationDefined app = new ApplicationDefined();
    private final GenericNack nack = new GenericNack();
    private final TransportFeedback twcc = new TransportFeedback();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
    private final ExtendedReport xr = new ExtendedReport();

    @FuzzTest
    void parse(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            buf.writeBytes(data);
            if (!reader.tryWrap(buf, 0, data.length)) {
                return;
            }
            int total = 0;
            while (reader.next()) {
                total += reader.packetLength();
                try {
                    readPacket();
                } catch (MalformedPacketException expected) {
                    // the packet's own layout was broken; the compound itself was fine
                }
            }
            assertThat(total).isEqualTo(data.length);
        } finally {
            buf.release();
        }
    }

    private void readPacket() {
        switch (reader.packetType()) {
            case RtcpPacketType.SR -> readReport(sr);
            case RtcpPacketType.RR -> readReport(rr);
            case RtcpPacketType.SDES -> readSdes();
            case RtcpPacketType.BYE -> {
                bye.wrap(reader);
                for (int i = 0; i < bye.sourceCount(); i++) {
                    bye.ssrc(i);
                }
                bye.reason();
            }
            case RtcpPacketType.APP -> {
                app.wrap(reader);
                app.name();
                assertThat(app.dataIndex() + app.dataLength()).isLessThanOrEqualTo(reader.packetOffset() + reader.packetLength());
            }
            case RtcpPacketType.RTPFB -> readTransportFeedback();
            case RtcpPacketType.PSFB -> readPayloadFeedback();
            case RtcpPacketType.XR -> readXr();
            default -> {
            }
        }
    }

    private void readReport(ReportPacket report) {
        report.wrap(reader);
        for (int i = 0; i < report.reportCount(); i++) {
            ReportBlock.read(report, i);
        }
        assertThat(report.extensionLength()).isNotNegative();
        if (report instanceof SenderReport s) {
            s.ntpTimestamp();
            s.octetCount();
        }
    }

    private void readSdes() {
        sdes.wrap(reader);
        for (int c = sdes.firstChunk(); c >= 0; c = sdes.nextChunk(c)) {
            for (int i = sdes.firstItem(c); i >= 0; i = sdes.nextItem(i)) {
                sdes.itemText(i);
            }
        }
    }

    private void readTransportFeedback() {
        if (reader.count() == GenericNack.FMT) {
            nack.wrap(reader);
            int[] seen = new int[1];
            nack.forEachLost(seq -> seen[0]++);
            assertThat(seen[0]).isEqualTo(nack.lostCount());
        } else if (reader.count() == TransportFeedback.FMT) {
            twcc.wrap(reader);
            int received = 0;
            for (int i = 0; i < twcc.statusCount(); i++) {
                if (twcc.isReceived(i)) {
                    twcc.receiveDeltaTicks(i);
                    received++;
                }
            }
            assertThat(received).isEqualTo(twcc.receivedCount());
        }
    }

    private void readPayloadFeedback() {
        if (reader.count() == PictureLossIndication.FMT) {
            pli.wrap(reader);
        } else if (reader.count() == FullIntraRequest.FMT) {
            fir.wrap(reader);
            for (int i = 0; i < fir.entryCount(); i++) {
                fir.ssrc(i);
                fir.sequenceNumber(i);
            }
        } else if (ReceiverEstimatedMaxBitrate.matches(reader)) {
            remb.wrap(reader);
            assertThat(remb.bitrateBps()).isNotNegative();
            for (int i = 0; i < remb.ssrcCount(); i++) {
                remb.ssrc(i);
            }
        }
    }

    private void readXr() {
        xr.wrap(reader);
        for (int b = xr.firstBlock(); b >= 0; b = xr.nextBlock(b)) {
            if (xr.blockType(b) == ExtendedReport.RECEIVER_REFERENCE_TIME) {
                xr.referenceTimeNtp(b);
            } else if (xr.blockType(b) == ExtendedReport.DLRR) {
                for (int i = 0; i < xr.dlrrCount(b); i++) {
                    xr.delaySinceLastReceiverReport(b, i);
                }
            }
        }
    }
}
