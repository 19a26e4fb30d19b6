package dev.osprey.media.rtcp;

import dev.osprey.media.testing.RecordingSink;
import io.netty.buffer.Unpooled;
import dev.osprey.rtp.rtcp.FullIntraRequest;
import dev.osprey.rtp.rtcp.RtcpCompoundReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyframeRequesterTest {
    private static final long MS = 1_000_000L;

    @Test
    void requestsAreRateLimitedPerLayer() {
        RecordingSink sink = new RecordingSink(16);
        RtcpSender rtcp = new RtcpSender(42, 16);
        rtcp.attach(sink);
        KeyframeRequester requester = new KeyframeRequester(rtcp, 3, 500 * MS, true);
        assertThat(requester.request(0, 1001, 0)).isTrue();
        assertThat(requester.request(0, 1001, 100 * MS)).isFalse();
        assertThat(requester.request(2, 1003, 100 * MS)).as("another layer has its own budget").isTrue();
        assertThat(requester.request(0, 1001, 499 * MS)).isFalse();
        assertThat(requester.request(0, 1001, 500 * MS)).isTrue();
        assertThat(requester.request(1, -1, 0)).as("no SSRC learned yet").isFalse();
        assertThat(requester.request(7, 1001, 0)).isFalse();
        assertThat(requester.sentCount()).isEqualTo(3);
        assertThat(requester.suppressedCount()).isEqualTo(2);
        assertThat(sink.rtcpTypes()).containsExactly("206/1", "206/1", "206/1");
    }

    @Test
    void withoutPliAFirIsSentWithAnIncreasingCommandSequence() {
        RecordingSink sink = new RecordingSink(16);
        RtcpSender rtcp = new RtcpSender(42, 16);
        rtcp.attach(sink);
        KeyframeRequester requester = new KeyframeRequester(rtcp, 1, 0, false);
        requester.request(0, 1001, 0);
        requester.request(0, 1001, 1);
        FullIntraRequest fir = new FullIntraRequest();
        RtcpCompoundReader reader = new RtcpCompoundReader();
        for (int i = 0; i < 2; i++) {
            reader.wrap(Unpooled.wrappedBuffer(sink.rtcp.get(i)));
            reader.next();
            fir.wrap(reader);
            assertThat(fir.ssrc(0)).isEqualTo(1001);
            assertThat(fir.sequenceNumber(0)).isEqualTo(i);
        }
    }

    @Test
    void nothingIsBuiltBeforeTheTransportIsAttached() {
        RtcpSender rtcp = new RtcpSender(42, 16);
        assertThat(rtcp.sendPli(1)).isFalse();
        assertThat(rtcp.droppedCount()).isEqualTo(1);
    }
}
