package dev.osprey.media.forward;

import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.rtp.rtcp.ReceiverEstimatedMaxBitrate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The layer a subscriber gets follows what the publisher actually sends and what the subscriber can receive. */
class LayerSelectionTest {
    private static final String[] RIDS = {"q", "h", "f"};
    private static final int[] PID_BASE = {0, 10_000, 20_000};
    /** VP8 body bytes per packet: at 50 packets/s about 60, 190 and 430 kbps with headers. */
    private static final int[] BODY = {100, 400, 1000};

    private final SfuFixture sfu = new SfuFixture();
    private final int[] seq = new int[3];
    private int frame;
    private int bob;
    private SubscriptionInfo sub;

    @BeforeEach
    void setUp() {
        bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        sub = sfu.subscription(bob, camera.id());
    }

    @AfterEach
    void close() {
        sfu.close();
    }

    /** 20 ms of media on the given layers (one packet each; a key frame every tenth), then a tick. */
    private void run(int millis, boolean... sending) {
        for (int t = 0; t < millis; t += 20) {
            for (int l = 0; l < 3; l++) {
                if (sending[l]) {
                    sfu.video(RIDS[l], seq[l]++, frame * 1800, frame % 10 == 0, true, PID_BASE[l] + frame, 0, BODY[l]);
                }
            }
            frame++;
            sfu.clock.advanceMillis(20);
            sfu.tick();
        }
    }

    private int lastLayer() {
        assertThat(sfu.subscriberSinks.get(bob).rtp).isNotEmpty();
        TrackSender sender = SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia().sender((int) sub.ssrc());
        return sender.currentLayer();
    }

    @Test
    void aLayerThePublisherStopsSendingIsReplacedByTheNextLowerOne() {
        run(400, true, true, true);
        assertThat(lastLayer()).isEqualTo(2);
        run(1600, true, true, false);
        assertThat(lastLayer()).as("the high layer paused: medium").isEqualTo(1);
        run(1000, true, true, true);
        assertThat(lastLayer()).as("back when it resumes").isEqualTo(2);
    }

    private void remb(long bps) {
        ByteBuf remb = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        ReceiverEstimatedMaxBitrate.write(remb, 1, bps, new int[] {(int) sub.ssrc()});
        SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia().onRtcp(remb, sfu.clock.nanos());
    }

    @Test
    void theSubscribersEstimateCapsTheLayerByItsMeasuredBitrate() {
        run(1200, true, true, true);
        assertThat(lastLayer()).isEqualTo(2);
        remb(250_000);
        run(600, true, true, true);
        assertThat(lastLayer()).as("~430 kbps high layer does not fit 250 kbps; ~190 kbps medium does").isEqualTo(1);
    }

    @Test
    void aSubscriberHeldLowByItsEstimateIsProbedUpOneLayerAndKeepsItWhenTheEstimateFollows() {
        run(1200, true, true, true);
        remb(250_000);
        run(600, true, true, true);
        assertThat(lastLayer()).as("capped by the estimate").isEqualTo(1);
        run(5_200, true, true, true); // longer than LayerProbe.MIN_BACKOFF_NANOS after the estimate forced it down
        assertThat(lastLayer()).as("after the back-off the high layer is tried").isEqualTo(2);
        remb(300_000); // a receive-side estimator ramps toward what it now receives
        run(1000, true, true, true);
        remb(600_000);
        run(1000, true, true, true);
        assertThat(lastLayer()).as("the estimate covers it: the probe succeeded").isEqualTo(2);
        run(20_000, true, true, true);
        assertThat(lastLayer()).as("and it stays").isEqualTo(2);
    }

    @Test
    void aProbeEndsAtOnceWhenTheEstimateFallsAndBacksOff() {
        run(1200, true, true, true);
        remb(250_000);
        run(5_800, true, true, true);
        assertThat(lastLayer()).isEqualTo(2);
        remb(150_000); // congestion: well below the estimate at the start of the probe
        run(600, true, true, true);
        assertThat(lastLayer()).as("the probe gave up").isLessThan(2);
        run(4_000, true, true, true);
        assertThat(lastLayer()).as("no new probe within the back-off").isLessThan(2);
    }

    @Test
    void aProbeThatTheEstimateNeverCoversEndsAfterItsLimit() {
        run(1200, true, true, true);
        remb(250_000);
        run(5_800, true, true, true);
        assertThat(lastLayer()).isEqualTo(2);
        run((int) (LayerProbe.MAX_PROBE_NANOS / 1_000_000) + 1_000, true, true, true);
        assertThat(lastLayer()).as("the estimate stayed at 250 kbps: back to the medium layer").isEqualTo(1);
    }
}
