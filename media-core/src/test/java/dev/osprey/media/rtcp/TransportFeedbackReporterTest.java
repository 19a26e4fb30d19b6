package dev.osprey.media.rtcp;

import dev.osprey.media.testing.RecordingSink;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import dev.osprey.rtp.rtcp.TransportFeedback;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransportFeedbackReporterTest {
    private final RecordingSink sink = new RecordingSink(16);
    private final RtcpSender rtcp = new RtcpSender(42, 16);
    private final TransportFeedbackReporter reporter = new TransportFeedbackReporter();

    private List<TransportFeedback> sent() {
        List<TransportFeedback> all = new ArrayList<>();
        RtcpCompoundReader reader = new RtcpCompoundReader();
        for (byte[] c : sink.rtcp) {
            reader.wrap(Unpooled.wrappedBuffer(c));
            reader.next();
            TransportFeedback f = new TransportFeedback();
            f.wrap(reader);
            all.add(f);
        }
        return all;
    }

    @Test
    void reportsEveryPacketSinceTheLastFlushWithGapsAsNotReceived() {
        rtcp.attach(sink);
        reporter.onPacket(65_534, 7, 1_000_000L);
        reporter.onPacket(65_535, 7, 2_000_000L);
        reporter.onPacket(1, 7, 4_000_000L); // 0 lost, across the wrap
        assertThat(reporter.flush(rtcp)).isEqualTo(1);
        reporter.onPacket(3, 7, 9_000_000L);
        reporter.onPacket(0, 7, 9_500_000L); // arrives after its range was reported
        reporter.onPacket(2, 7, 8_000_000L);
        assertThat(reporter.flush(rtcp)).isEqualTo(1);
        assertThat(reporter.flush(rtcp)).as("nothing new").isZero();

        List<TransportFeedback> feedback = sent();
        assertThat(feedback).hasSize(2);
        TransportFeedback first = feedback.get(0);
        assertThat(first.senderSsrc()).isEqualTo(42);
        assertThat(first.mediaSsrc()).isEqualTo(7);
        assertThat(first.baseSequence()).isEqualTo(65_534);
        assertThat(first.statusCount()).isEqualTo(4);
        assertThat(first.feedbackPacketCount()).isZero();
        assertThat(first.isReceived(0)).isTrue();
        assertThat(first.isReceived(1)).isTrue();
        assertThat(first.isReceived(2)).as("sequence 0 was lost").isFalse();
        assertThat(first.isReceived(3)).isTrue();
        assertThat(first.receiveDeltaTicks(1)).isEqualTo(4); // 1 ms in 250 µs ticks
        TransportFeedback second = feedback.get(1);
        assertThat(second.baseSequence()).isEqualTo(2);
        assertThat(second.statusCount()).isEqualTo(2);
        assertThat(second.feedbackPacketCount()).isEqualTo(1);
        assertThat(second.receiveDeltaTicks(1)).as("reordered: 3 arrived before 2").isEqualTo(4);
        assertThat(reporter.tooLateCount()).isEqualTo(1);
    }
}
