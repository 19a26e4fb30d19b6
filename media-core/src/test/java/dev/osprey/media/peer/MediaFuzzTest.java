package dev.osprey.media.peer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.rtp.RtpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer targets for media-core's two network entry points, with a VP8 simulcast track published and subscribed:
 * arbitrary bytes as a decrypted RTP packet from a publisher, and as an RTCP compound from the publisher and from a
 * subscriber. Whatever the bytes, nothing throws, every packet the subscriber gets is well-formed, and the leak guard
 * sees every buffer released (the input, the cached copies, the egress copies).
 */
class MediaFuzzTest {

    private static ByteBuf direct(byte[] data) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length)).writeBytes(data);
    }

    private static SfuFixture published(int[] bob) {
        SfuFixture sfu = new SfuFixture();
        bob[0] = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob[0], camera.id(), true);
        return sfu;
    }

    @FuzzTest(maxDuration = "60s")
    void rtp(byte[] data) {
        int[] bob = new int[1];
        try (SfuFixture sfu = published(bob)) {
            PublisherMedia publisher = SfuFixture.participant(sfu.publisher).publisherMedia();
            publisher.onRtp(direct(data), sfu.clock.nanos());
            publisher.onRtp(direct(data), sfu.clock.nanos()); // a duplicate (or an unknown stream, again)
            sfu.tick();
            for (byte[] sent : sfu.subscriberSinks.get(bob[0]).rtp) {
                assertThat(new RtpPacket().tryWrap(Unpooled.wrappedBuffer(sent))).isTrue();
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void rtcp(byte[] data) {
        int[] bob = new int[1];
        try (SfuFixture sfu = published(bob)) {
            sfu.video("f", 1, 1000, true, true, 1, 1);
            SfuFixture.participant(sfu.publisher).publisherMedia().onRtcp(direct(data), sfu.clock.nanos());
            SfuFixture.participant(sfu.subscribers.get(bob[0])).subscriberMedia().onRtcp(direct(data), sfu.clock.nanos());
            sfu.tick();
        }
    }
}
