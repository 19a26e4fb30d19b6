package dev.osprey.media.peer;

import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.forward.TrackSender;
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

/** RTCP terminated at Osprey: NACKs and PLIs both ways, sender and receiver reports. */
class RtcpTerminationTest {
    private final SfuFixture sfu = new SfuFixture();
    private int bob;
    private TrackInfo camera;
    private SubscriptionInfo sub;

    @AfterEach
    void close() {
        sfu.close();
    }

    private void setUp(boolean rtx) {
        bob = sfu.addSubscriber("bob");
        camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), rtx);
        sub = sfu.subscription(bob, camera.id());
    }

    private SubscriberMedia bobMedia() {
        return SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia();
    }

    private void fromBob(java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        writer.accept(b);
        bobMedia().onRtcp(b, sfu.clock.nanos());
    }

    private void nack(int... seqs) {
        fromBob(b -> GenericNack.write(b, 1, (int) sub.ssrc(), seqs, seqs.length));
    }

    /** Sends {@code n} packets of the high layer starting with a key frame at {@code seq}. */
    private void packets(int seq, int n) {
        for (int i = 0; i < n; i++) {
            sfu.video("f", seq + i, 9000 * (seq + i), i == 0, true, seq + i, 0);
        }
    }

    private List<Integer> rtcpMediaSsrcs(RecordingSink sink, int type, int fmt) {
        List<Integer> ssrcs = new ArrayList<>();
        RtcpCompoundReader reader = new RtcpCompoundReader();
        for (byte[] c : sink.rtcp) {
            reader.wrap(Unpooled.wrappedBuffer(c));
            while (reader.next()) {
                if (reader.packetType() == type && reader.count() == fmt) {
                    ssrcs.add(reader.buffer().getInt(reader.packetOffset() + 8));
                }
            }
        }
        return ssrcs;
    }

    @Test
    void subscriberPlisReachThePublisherRateLimited() {
        setUp(false);
        packets(1, 1);
        sfu.publisherSink.clear();
        fromBob(b -> PictureLossIndication.write(b, 1, (int) sub.ssrc()));
        fromBob(b -> PictureLossIndication.write(b, 1, (int) sub.ssrc()));
        assertThat(rtcpMediaSsrcs(sfu.publisherSink, 206, 1)).containsExactly(SfuFixture.SSRC_F);
        sfu.clock.advanceMillis(499);
        fromBob(b -> PictureLossIndication.write(b, 1, (int) sub.ssrc()));
        assertThat(rtcpMediaSsrcs(sfu.publisherSink, 206, 1)).hasSize(1);
        sfu.clock.advanceMillis(1);
        fromBob(b -> PictureLossIndication.write(b, 1, (int) sub.ssrc()));
        assertThat(rtcpMediaSsrcs(sfu.publisherSink, 206, 1)).hasSize(2);
        assertThat(bobMedia().sender((int) sub.ssrc()).keyframeRequestsReceived()).isEqualTo(4);
    }

    @Test
    void lossFromThePublisherIsNackedAndTheRetransmissionFillsTheSubscribersHole() {
        setUp(false);
        sfu.video("q", 10, 0, true, true, 1, 0);
        sfu.subscribers.get(bob).subscriber().updateSettings(camera.id(),
                new dev.osprey.media.api.TrackSettings(false, 320, 180, dev.osprey.media.api.LayerQuality.HIGH));
        sfu.video("q", 11, 0, true, true, 1, 0);
        sfu.video("q", 13, 3000, false, true, 2, 0);
        RecordingSink sink = sfu.subscriberSinks.get(bob);
        assertThat(sink.rtp).hasSize(2);
        sfu.publisherSink.clear();
        sfu.tick();
        List<Integer> nacked = new ArrayList<>();
        GenericNack n = new GenericNack();
        RtcpCompoundReader reader = new RtcpCompoundReader();
        for (byte[] c : sfu.publisherSink.rtcp) {
            reader.wrap(Unpooled.wrappedBuffer(c));
            while (reader.next()) {
                if (reader.packetType() == 205 && reader.count() == 1) {
                    n.wrap(reader);
                    assertThat(n.mediaSsrc()).isEqualTo(SfuFixture.SSRC_Q);
                    n.forEachLost(nacked::add);
                }
            }
        }
        assertThat(nacked).containsExactly(12);

        sfu.rtp().noExtensions().ext(MediaParameters.PUB_MID, "1").ext(MediaParameters.PUB_RRID, "q")
                .ssrc(SfuFixture.RTX_Q).pt(MediaParameters.PUB_RTX).seq(7)
                .payload(concat(new byte[] {0, 12}, SyntheticRtp.vp8(false, false, 1, 0, 20)));
        sfu.deliver();
        assertThat(sink.rtp).hasSize(3);
        assertThat(RecordingSink.seq(sink.rtp.get(2))).isEqualTo(RecordingSink.seq(sink.rtp.get(0)) + 1);
        assertThat(RecordingSink.seq(sink.rtp.get(1))).isEqualTo(RecordingSink.seq(sink.rtp.get(0)) + 2);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void receiverAndSenderReportsAreSentEachIntervalAndTheRoundTripIsMeasured() {
        setUp(false);
        packets(1, 5);
        sfu.tick();
        assertThat(sfu.publisherSink.rtcpTypes()).contains("201/1");
        RecordingSink sink = sfu.subscriberSinks.get(bob);
        SenderReport sr = new SenderReport();
        RtcpCompoundReader reader = new RtcpCompoundReader();
        reader.wrap(Unpooled.wrappedBuffer(sink.rtcp.get(0)));
        reader.next();
        sr.wrap(reader);
        assertThat(Integer.toUnsignedLong(sr.ssrc())).isEqualTo(sub.ssrc());
        assertThat(sr.packetCount()).isEqualTo(5);
        assertThat(sr.octetCount()).isEqualTo(5 * 26);
        assertThat(sr.rtpTimestamp()).isEqualTo(RecordingSink.ts(sink.rtp.get(4)));

        long lsr = Integer.toUnsignedLong(sr.compactNtp());
        sfu.clock.advanceMillis(80);
        fromBob(b -> ReceiverReport.write(b, 1, new ReportBlock((int) sub.ssrc(), 26, 3, 5, 0, lsr,
                NtpTime.durationToCompact(30_000_000L))));
        TrackSender sender = bobMedia().sender((int) sub.ssrc());
        assertThat(sender.rttNanos()).isBetween(49_000_000L, 51_000_000L);
        assertThat(sender.fractionLost()).isEqualTo(26);

        sink.rtcp.clear();
        sfu.clock.advanceMillis(500);
        sfu.tick();
        assertThat(sink.rtcp).as("not yet a full interval").isEmpty();
        sfu.clock.advanceMillis(500);
        sfu.tick();
        assertThat(sink.rtcpTypes()).containsExactly("200/0");
    }
}
