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

    @Test
    void theSubscribersEstimateCapsTheLayerByItsMeasuredBitrate() {
        run(1200, true, true, true);
        assertThat(lastLayer()).isEqualTo(2);
        ByteBuf remb = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        ReceiverEstimatedMaxBitrate.write(remb, 1, 250_000, new int[] {(int) sub.ssrc()});
        SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia().onRtcp(remb, sfu.clock.nanos());
        run(600, true, true, true);
        assertThat(lastLayer()).as("~430 kbps high layer does not fit 250 kbps; ~190 kbps medium does").isEqualTo(1);
    }
}
