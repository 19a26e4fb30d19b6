package dev.osprey.rtp;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceNumberTest {

    @Test
    void comparesAcrossWraparound() {
        assertThat(SequenceNumber.diff(1, 65535)).isEqualTo(2);
        assertThat(SequenceNumber.diff(65535, 1)).isEqualTo(-2);
        assertThat(SequenceNumber.isNewer(0, 65535)).isTrue();
        assertThat(SequenceNumber.isNewer(65535, 0)).isFalse();
        assertThat(SequenceNumber.isNewer(7, 7)).isFalse();
        assertThat(SequenceNumber.add(65535, 2)).isEqualTo(1);
        assertThat(SequenceNumber.add(0, -1)).isEqualTo(65535);
        assertThat(SequenceNumber.forwardDistance(65530, 4)).isEqualTo(10);
    }

    @Test
    void halfRangeIsOrderedDeterministically() {
        assertThat(SequenceNumber.diff(0x8000, 0)).isEqualTo(-32768);
        assertThat(SequenceNumber.isNewer(0x8000, 0)).isFalse();
        assertThat(SequenceNumber.isNewer(0, 0x8000)).isFalse();
    }

    @Test
    void timestampsCompareAcrossWraparound() {
        assertThat(RtpTimestamp.diff(5, 0xFFFFFFFB)).isEqualTo(10);
        assertThat(RtpTimestamp.isNewer(5, 0xFFFFFFFB)).isTrue();
        assertThat(RtpTimestamp.isNewer(0xFFFFFFFB, 5)).isFalse();
        assertThat(RtpTimestamp.add(0xFFFFFFFF, 3000L)).isEqualTo(2999);
        assertThat(RtpTimestamp.unsigned(-1)).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void unwrapsForwardAndBackwardAcrossWraparound() {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        assertThat(unwrapper.unwrap(65534)).isEqualTo(65534);
        assertThat(unwrapper.unwrap(65535)).isEqualTo(65535);
        assertThat(unwrapper.unwrap(0)).isEqualTo(65536);
        assertThat(unwrapper.unwrap(65535)).isEqualTo(65535); // reordered
        assertThat(unwrapper.unwrap(2)).isEqualTo(65538);
        assertThat(unwrapper.peek(1)).isEqualTo(65537);
        assertThat(unwrapper.last()).isEqualTo(65538);
        unwrapper.reset();
        assertThat(unwrapper.started()).isFalse();
        assertThat(unwrapper.unwrap(3)).isEqualTo(3);
    }

    @Test
    void unwrapsTimestampsAcrossWraparound() {
        TimestampUnwrapper unwrapper = new TimestampUnwrapper();
        assertThat(unwrapper.unwrap(0xFFFFFF00)).isEqualTo(0xFFFFFF00L);
        assertThat(unwrapper.unwrap(0x00000100)).isEqualTo(0x100000100L);
        assertThat(unwrapper.unwrap(0xFFFFFFF0)).isEqualTo(0xFFFFFFF0L);
        assertThat(unwrapper.last()).isEqualTo(0xFFFFFFF0L);
    }

    @Property(tries = 300)
    void diffInvertsAdd(@ForAll @IntRange(max = 65535) int seq, @ForAll @IntRange(min = -32767, max = 32767) int delta) {
        int moved = SequenceNumber.add(seq, delta);
        assertThat(SequenceNumber.diff(moved, seq)).isEqualTo(delta);
        assertThat(SequenceNumber.isNewer(moved, seq)).isEqualTo(delta > 0);
    }

    @Property(tries = 200)
    void unwrapRecoversAnyWalkWithStepsUnderHalfRange(
            @ForAll @IntRange(min = 0, max = 1_000_000) int start,
            @ForAll @Size(max = 60) List<@IntRange(min = -32767, max = 32767) Integer> steps) {
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        long extended = start;
        assertThat(unwrapper.unwrap((int) (extended & 0xFFFF))).isEqualTo(extended & 0xFFFF);
        long offset = extended - (extended & 0xFFFF);
        for (int step : steps) {
            extended += step;
            assertThat(unwrapper.unwrap((int) (extended & 0xFFFF)) + offset).isEqualTo(extended);
        }
    }

    @Property(tries = 200)
    void timestampUnwrapRecoversAnyWalk(@ForAll int start,
            @ForAll @Size(max = 60) List<@IntRange(min = -2_000_000_000, max = 2_000_000_000) Integer> steps) {
        TimestampUnwrapper unwrapper = new TimestampUnwrapper();
        long extended = Integer.toUnsignedLong(start);
        assertThat(unwrapper.unwrap(start)).isEqualTo(extended);
        for (int step : steps) {
            extended += step;
            assertThat(unwrapper.unwrap((int) extended)).isEqualTo(extended);
        }
    }
}
