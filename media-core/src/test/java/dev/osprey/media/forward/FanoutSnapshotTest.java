package dev.osprey.media.forward;

import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.testing.RecordingSink;
import dev.osprey.media.testing.SfuFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribers come and go while a packet is being fanned out: the snapshot being iterated is not disturbed. */
class FanoutSnapshotTest {
    private final SfuFixture sfu = new SfuFixture();
    private int seq = 1;

    @AfterEach
    void close() {
        sfu.close();
    }

    private void keyframe() {
        sfu.video("f", seq++, seq * 3000, true, true, seq, 0);
    }

    @Test
    void unsubscribingAnotherSubscriberFromInsideTheFanOutTakesEffectAtTheNextPacket() {
        int bob = sfu.addSubscriber("bob");
        int carol = sfu.addSubscriber("carol");
        int dave = sfu.addSubscriber("dave");
        TrackInfo camera = sfu.publishCamera();
        for (int s = 0; s < 3; s++) {
            sfu.negotiateVideo(s, camera.id(), false);
        }
        RecordingSink bobSink = sfu.subscriberSinks.get(bob);
        bobSink.onRtp(p -> sfu.subscribers.get(carol).subscriber().unsubscribe(camera.id()));
        keyframe();
        TrackFanout fanout = SfuFixture.participant(sfu.publisher).publisherMedia().demultiplexer()
                .receiver(SfuFixture.SSRC_F).fanout();
        assertThat(fanout.subscriberCount()).isEqualTo(2);
        int carolGot = sfu.subscriberSinks.get(carol).rtp.size();
        assertThat(carolGot).as("carol was in the snapshot of the packet being fanned out").isLessThanOrEqualTo(1);
        keyframe();
        keyframe();
        assertThat(sfu.subscriberSinks.get(carol).rtp).hasSize(carolGot);
        assertThat(bobSink.rtp).hasSize(3);
        assertThat(sfu.subscriberSinks.get(dave).rtp).hasSize(3);
    }

    @Test
    void aSubscriberAddedDuringTheFanOutStartsWithTheNextKeyFrame() {
        int bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        int[] carol = {-1};
        sfu.subscriberSinks.get(bob).onRtp(p -> {
            if (carol[0] < 0) {
                carol[0] = sfu.addSubscriber("carol");
                sfu.negotiateVideo(carol[0], camera.id(), false);
            }
        });
        keyframe();
        sfu.video("f", seq++, seq * 3000, false, true, seq, 0);
        assertThat(sfu.subscriberSinks.get(carol[0]).rtp).as("no key frame yet for carol").isEmpty();
        keyframe();
        assertThat(sfu.subscriberSinks.get(carol[0]).rtp).hasSize(1);
        assertThat(sfu.subscriberSinks.get(bob).rtp).hasSize(3);
    }

    @Test
    void unpublishingStopsTheFanOutAndReleasesTheCache() {
        int bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        keyframe();
        TrackReceiver receiver = SfuFixture.participant(sfu.publisher).publisherMedia().demultiplexer()
                .receiver(SfuFixture.SSRC_F);
        assertThat(receiver.cache().size()).isEqualTo(1);
        sfu.publisher.publisher().unpublish(camera.id());
        assertThat(receiver.cache().size()).isZero();
        keyframe();
        assertThat(sfu.subscriberSinks.get(bob).rtp).hasSize(1);
        assertThat(sfu.subscriptions.get(bob)).isEmpty();
    }
}
