package dev.osprey.media.forward;

import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.SubscriptionInfo;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.api.TrackSettings;
import dev.osprey.media.testing.MediaParameters;
import dev.osprey.media.testing.RecordingSink;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.rtp.RtpPacket;
import dev.osprey.rtp.RtpTimestamp;
import dev.osprey.rtp.extension.AbsSendTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.osprey.media.testing.RecordingSink.parse;
import static org.assertj.core.api.Assertions.assertThat;

class SimulcastForwardingTest {
    private final SfuFixture sfu = new SfuFixture();
    private final int[] seq = {100, 30_000, 65_530};
    private final int[] ts = {1000, 50_000, -5000};
    private final int[] pid = {10, 2000, 32_760};
    private int frame;

    @AfterEach
    void close() {
        sfu.close();
    }

    /** One frame on every layer: two packets each, a key frame when asked. */
    private void frame(boolean keyQ, boolean keyH, boolean keyF) {
        String[] rids = {"q", "h", "f"};
        boolean[] key = {keyQ, keyH, keyF};
        for (int l = 0; l < 3; l++) {
            sfu.video(rids[l], seq[l]++, ts[l], key[l], true, pid[l], frame & 0xFF);
            sfu.video(rids[l], seq[l]++, ts[l], false, false, pid[l], frame & 0xFF);
            seq[l] &= 0xFFFF;
            ts[l] += 3000;
            pid[l] = (pid[l] + 1) & 0x7FFF;
        }
        frame++;
        sfu.clock.advanceMillis(33);
    }

    @Test
    void oneSubscriberGetsOneLayerOnOneSsrcAndSwitchesAtAKeyFrameWithoutAGap() {
        int bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), true);
        SubscriptionInfo sub = sfu.subscription(bob, camera.id());
        RecordingSink sink = sfu.subscriberSinks.get(bob);

        frame(true, true, true);
        frame(false, false, false);
        assertThat(sink.rtp).as("only the high layer: two frames of two packets").hasSize(4);
        for (byte[] p : sink.rtp) {
            assertThat(Integer.toUnsignedLong(RecordingSink.ssrc(p))).isEqualTo(sub.ssrc());
            assertThat(RecordingSink.pt(p)).isEqualTo(MediaParameters.SUB_VP8);
        }
        assertThat(RecordingSink.seq(sink.rtp.get(0))).as("the first packet keeps the source numbering").isEqualTo(65_530);

        sfu.subscribers.get(bob).subscriber().updateSettings(camera.id(), new TrackSettings(false, 320, 180, LayerQuality.HIGH));
        frame(false, false, false);
        assertThat(sfu.publisherSink.rtcpTypes()).as("a PLI for the low layer").contains("206/1");
        assertThat(sink.rtp).as("the high layer continues until the low layer's key frame").hasSize(6);
        frame(true, false, false);
        frame(false, false, false);
        assertThat(sink.rtp).hasSize(10);

        for (int i = 1; i < sink.rtp.size(); i++) {
            assertThat(RecordingSink.seq(sink.rtp.get(i))).isEqualTo((RecordingSink.seq(sink.rtp.get(i - 1)) + 1) & 0xFFFF);
            assertThat(RtpTimestamp.diff(RecordingSink.ts(sink.rtp.get(i)), RecordingSink.ts(sink.rtp.get(i - 1))))
                    .isGreaterThanOrEqualTo(0);
        }
        // the switch (packet 6) continues picture ids and moves the timestamp forward by the elapsed time
        assertThat(RecordingSink.vp8PictureId(sink.rtp.get(6)))
                .isEqualTo((RecordingSink.vp8PictureId(sink.rtp.get(5)) + 1) & 0x7FFF);
        int step = RtpTimestamp.diff(RecordingSink.ts(sink.rtp.get(6)), RecordingSink.ts(sink.rtp.get(5)));
        assertThat(step).isBetween(2900, 3100); // 33 ms at 90 kHz
        assertThat(sink.missingTailroom).isZero();
    }

    @Test
    void headerExtensionsAreRenumberedForTheSubscriberAndPublisherOnlyOnesRemoved() {
        int bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        frame(true, true, true);
        RtpPacket p = parse(sfu.subscriberSinks.get(bob).rtp.get(0));
        assertThat(p.extensionValueIndex(MediaParameters.PUB_MID)).isNegative();
        assertThat(p.extensionValueIndex(MediaParameters.PUB_RID)).isNegative();
        assertThat(p.extensionValueIndex(MediaParameters.PUB_TWCC)).isNegative();
        assertThat(p.extensionValueIndex(MediaParameters.PUB_CAPTURE_TIME)).isNegative();
        assertThat(p.extensionElementLength(p.extensionValueIndex(MediaParameters.SUB_CAPTURE_TIME))).isEqualTo(8);
        assertThat(AbsSendTime.read(p, MediaParameters.SUB_ABS_SEND_TIME)).isEqualTo(AbsSendTime.fromNanos(sfu.clock.nanos() - 33_000_000L));
        assertThat(p.payloadLength()).isEqualTo(26);
    }

    @Test
    void everySubscriberGetsItsOwnLayerAndItsOwnCopy() {
        int bob = sfu.addSubscriber("bob");
        int carol = sfu.addSubscriber("carol");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        sfu.negotiateVideo(carol, camera.id(), false);
        sfu.subscribers.get(carol).subscriber().updateSettings(camera.id(), new TrackSettings(false, 640, 360, LayerQuality.HIGH));
        frame(true, true, true);
        frame(false, false, false);
        List<byte[]> toBob = sfu.subscriberSinks.get(bob).rtp;
        List<byte[]> toCarol = sfu.subscriberSinks.get(carol).rtp;
        assertThat(toBob).hasSize(4);
        assertThat(toCarol).hasSize(4);
        assertThat(RecordingSink.vp8PictureId(toBob.get(0))).isEqualTo(32_760);
        assertThat(RecordingSink.vp8PictureId(toCarol.get(0))).as("the medium layer").isEqualTo(2000);
        assertThat(RecordingSink.ssrc(toBob.get(0))).isNotEqualTo(RecordingSink.ssrc(toCarol.get(0)));
    }

    @Test
    void aDisabledTrackIsPausedAndResumesAtAKeyFrameWithoutAGap() {
        int bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        RecordingSink sink = sfu.subscriberSinks.get(bob);
        frame(true, true, true);
        sfu.subscribers.get(bob).subscriber().updateSettings(camera.id(), new TrackSettings(true, 0, 0, LayerQuality.HIGH));
        frame(false, false, false);
        frame(true, true, true);
        assertThat(sink.rtp).hasSize(2);
        sfu.subscribers.get(bob).subscriber().updateSettings(camera.id(), TrackSettings.DEFAULT);
        frame(false, false, false);
        assertThat(sink.rtp).as("waiting for a key frame").hasSize(2);
        frame(false, false, true);
        assertThat(sink.rtp).hasSize(4);
        assertThat(RecordingSink.seq(sink.rtp.get(2))).isEqualTo((RecordingSink.seq(sink.rtp.get(1)) + 1) & 0xFFFF);
    }
}
