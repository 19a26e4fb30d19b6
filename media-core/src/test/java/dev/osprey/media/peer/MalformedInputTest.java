package dev.osprey.media.peer;

import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.testing.MediaParameters;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.media.testing.SyntheticRtp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed or unroutable packet is dropped and counted; nothing throws and nothing leaks. */
class MalformedInputTest {
    private final SfuFixture sfu = new SfuFixture();
    private PublisherMedia publisher;
    private SubscriberMedia subscriber;
    private int bob;

    @BeforeEach
    void setUp() {
        bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), true);
        publisher = SfuFixture.participant(sfu.publisher).publisherMedia();
        subscriber = SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia();
    }

    @AfterEach
    void close() {
        sfu.close();
    }

    private static ByteBuf hex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, bytes.length));
        return buf.writeBytes(bytes);
    }

    @Test
    void malformedRtpIsCountedNotThrown() {
        publisher.onRtp(hex(""), 0);
        publisher.onRtp(hex("80"), 0);
        publisher.onRtp(hex("40 60 0001 00000001 00001001"), 0);                  // version 1
        publisher.onRtp(hex("8f 60 0001 00000001 00001001"), 0);                  // 15 CSRCs announced, none present
        publisher.onRtp(hex("90 60 0001 00000001 00001001 bede 0009 00"), 0);     // extension runs past the end
        publisher.onRtp(hex("a0 60 0001 00000001 00001001 ff"), 0);               // padding count past the payload
        assertThat(publisher.malformedRtpCount()).isEqualTo(6);
        assertThat(sfu.subscriberSinks.get(bob).rtp).isEmpty();
    }

    @Test
    void unroutableAndUndecodablePacketsAreDroppedAndCounted() {
        SyntheticRtp rtp = sfu.rtp();
        rtp.noExtensions().pt(MediaParameters.PUB_VP8).seq(1).ts(1).ssrc(0x7777).payload(SyntheticRtp.vp8(true, true, 1, 1, 4));
        sfu.deliver(); // no MID: the only track, but without a RID its simulcast layer cannot be told
        rtp.ext(MediaParameters.PUB_MID, "9").ssrc(0x7778);
        sfu.deliver(); // unknown MID
        assertThat(publisher.demultiplexer().unknownSsrcCount()).isEqualTo(2);

        rtp.noExtensions().ext(MediaParameters.PUB_MID, "1").ext(MediaParameters.PUB_RID, "f").ssrc(SfuFixture.SSRC_F)
                .pt(MediaParameters.PUB_VP8).seq(2).payload(new byte[] {(byte) 0x80});
        sfu.deliver(); // VP8 descriptor with X set and nothing after it
        rtp.pt(45).payload(SyntheticRtp.vp8(true, true, 1, 1, 4)).seq(3);
        sfu.deliver(); // payload type never negotiated
        assertThat(SfuFixture.participant(sfu.publisher).publisherMedia().demultiplexer().receiver(SfuFixture.SSRC_F)
                .packets()).isZero();
        assertThat(sfu.subscriberSinks.get(bob).rtp).isEmpty();
    }

    @Test
    void rtxWithoutAnOriginalSequenceNumberIsDropped() {
        sfu.video("q", 10, 100, true, true, 1, 1);
        SyntheticRtp rtp = sfu.rtp();
        rtp.noExtensions().ext(MediaParameters.PUB_MID, "1").ext(MediaParameters.PUB_RRID, "q").ssrc(SfuFixture.RTX_Q)
                .pt(MediaParameters.PUB_RTX).seq(500).payload(new byte[0]).padding(200);
        sfu.deliver(); // a padding-only bandwidth probe on the RTX stream
        rtp.payload(new byte[] {1}).padding(0).seq(501);
        sfu.deliver(); // one byte: no room for the OSN
        assertThat(publisher.demultiplexer().routedCount()).isEqualTo(1);
    }

    @Test
    void malformedRtcpIsCountedNotThrown() {
        publisher.onRtcp(hex(""), 0);
        publisher.onRtcp(hex("81c9 0007 00000001"), 0);                                  // length past the end
        publisher.onRtcp(hex("80c8 0001 00001003 00000000"), 0);                         // SR shorter than its sender info
        subscriber.onRtcp(hex("0000"), 0);
        subscriber.onRtcp(hex("81cd 0002 00000001 00000002"), 0);                        // NACK without FCI
        subscriber.onRtcp(hex("84ce 0002 00000001 00000000"), 0);                        // FIR without entries
        subscriber.onRtcp(hex("8fce 0004 00000001 00000000 52454d42 05000000"), 0);      // REMB: 5 SSRCs, none present
        subscriber.onRtcp(hex("81c9 0007 00000001 00000063 00000000 00000000 00000000 00000000 00000000"), 0); // unknown block
        assertThat(publisher.malformedRtcpCount()).isEqualTo(3);
        assertThat(subscriber.malformedRtcpCount()).isEqualTo(4);
        assertThat(subscriber.unknownSsrcCount()).isEqualTo(1);
    }
}
