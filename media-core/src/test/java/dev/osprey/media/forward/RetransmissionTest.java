package dev.osprey.media.forward;

import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.peer.SubscriberMedia;
import dev.osprey.media.testing.MediaParameters;
import dev.osprey.media.testing.RecordingSink;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.media.testing.SyntheticRtp;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.nack.RtxPayload;
import dev.osprey.rtp.rtcp.GenericNack;
import dev.osprey.rtp.rtcp.NtpTime;
import dev.osprey.rtp.rtcp.PictureLossIndication;
import dev.osprey.rtp.rtcp.ReceiverReport;
import dev.osprey.rtp.rtcp.ReportBlock;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import dev.osprey.rtp.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.osprey.media.testing.RecordingSink.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** The subscriber's NACKs answered from the retransmission caches, with the very header it was first sent with. */
class RetransmissionTest {
    private final SfuFixture sfu = new SfuFixture();
    private int bob;
    private SubscriptionInfo sub;

    @AfterEach
    void close() {
        sfu.close();
    }

    private void setUp(boolean rtx) {
        bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), rtx);
        sub = sfu.subscription(bob, camera.id());
    }

    private SubscriberMedia bobMedia() {
        return SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia();
    }

    private void nack(int... seqs) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        GenericNack.write(b, 1, (int) sub.ssrc(), seqs, seqs.length);
        bobMedia().onRtcp(b, sfu.clock.nanos());
    }

    /** Sends {@code n} packets of the high layer starting with a key frame at {@code seq}. */
    private void packets(int seq, int n) {
        for (int i = 0; i < n; i++) {
            sfu.video("f", seq + i, 9000 * (seq + i), i == 0, true, seq + i, 0);
        }
    }

    @Test
    void aNackIsAnsweredWithRtxCarryingTheOriginalSequenceNumberAndTheRtxSequenceWraps() {
        setUp(true);
        packets(65_534, 4);
        RecordingSink sink = sfu.subscriberSinks.get(bob);
        assertThat(sink.rtp).hasSize(4);
        byte[] second = sink.rtp.get(1);
        TrackSender sender = bobMedia().sender((int) sub.ssrc());
        sender.startRtxSequenceAt(65_535);

        nack(RecordingSink.seq(second), RecordingSink.seq(sink.rtp.get(2)));
        assertThat(sink.rtp).hasSize(6);
        RtpPacket rtx = parse(sink.rtp.get(4));
        assertThat(Integer.toUnsignedLong(rtx.ssrc())).isEqualTo(sub.rtxSsrc());
        assertThat(rtx.payloadType()).isEqualTo(MediaParameters.SUB_RTX);
        assertThat(rtx.sequenceNumber()).isEqualTo(65_535);
        assertThat(RtxPayload.originalSequenceNumber(rtx)).isEqualTo(RecordingSink.seq(second));
        assertThat(rtx.timestamp()).isEqualTo(RecordingSink.ts(second));
        RtpPacket original = parse(second);
        assertThat(rtx.payloadLength()).isEqualTo(original.payloadLength() + 2);
        assertThat(Unpooled.wrappedBuffer(sink.rtp.get(4)).slice(rtx.payloadOffset() + 2, original.payloadLength()))
                .isEqualTo(Unpooled.wrappedBuffer(second).slice(original.payloadOffset(), original.payloadLength()));
        assertThat(parse(sink.rtp.get(5)).sequenceNumber()).as("the RTX sequence wraps").isZero();
    }

    @Test
    void withoutRtxTheSamePacketIsResentAndRepeatsArePaced() {
        setUp(false);
        packets(100, 3);
        RecordingSink sink = sfu.subscriberSinks.get(bob);
        byte[] first = sink.rtp.get(0);
        nack(RecordingSink.seq(first));
        assertThat(sink.rtp).hasSize(4);
        assertThat(sink.rtp.get(3)).isEqualTo(first);
        nack(RecordingSink.seq(first));
        assertThat(sink.rtp).as("repeated within the minimum interval").hasSize(4);
        sfu.clock.advanceMillis(20);
        nack(RecordingSink.seq(first));
        assertThat(sink.rtp).hasSize(5);
        nack(RecordingSink.seq(first) + 100);
        assertThat(sink.rtp).as("never sent: nothing to resend").hasSize(5);
        for (int i = 0; i < 5; i++) {
            sfu.clock.advanceMillis(20);
            nack(RecordingSink.seq(first));
        }
        assertThat(sink.rtp).as("at most three resends").hasSize(6);
    }
}
