package dev.osprey.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for SRTP/SRTCP unprotect: whatever the bytes, every profile returns a status (never throws),
 * never reads or writes outside the packet, never creates state for a packet that did not authenticate, and the
 * buffer is released. The corpus under {@code SrtpUnprotectFuzzTestInputs/unprotect} runs in every build.
 */
class SrtpUnprotectFuzzTest {

    private static final SrtpMetrics METRICS = SrtpMetrics.standalone();

    @FuzzTest
    void unprotect(byte[] data) {
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpMasterKey key = SrtpPropertiesTest.key(profile, new byte[16]);
            SrtpSession session = new SrtpSession(key, SrtpPolicy.DEFAULT.withReplayProtection(true), METRICS);
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
            try {
                buf.writeBytes(data);
                SrtpStatus rtp = session.unprotectRtp(buf);
                assertThat(buf.writerIndex()).isLessThanOrEqualTo(data.length);
                buf.clear().writeBytes(data);
                SrtpStatus rtcp = session.unprotectRtcp(buf);
                assertThat(buf.writerIndex()).isLessThanOrEqualTo(data.length);
                if (rtp != SrtpStatus.OK && rtcp != SrtpStatus.OK) {
                    assertThat(session.streamCount()).isZero();
                }
            } finally {
                buf.release();
            }
        }
    }
}
