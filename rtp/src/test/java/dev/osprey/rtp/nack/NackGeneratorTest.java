package dev.osprey.rtp.nack;

import dev.osprey.rtp.SequenceUnwrapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NackGeneratorTest {
    private static final long MS = 1_000_000L;
    private static final long RTT = 100 * MS;
    private long now;
    private final int[] out = new int[64];

    private NackGenerator generator(NackSettings settings) {
        return new NackGenerator(settings, () -> now);
    }

    private int[] collect(NackGenerator nack) {
        return Arrays.copyOf(out, nack.collect(RTT, out));
    }

    @Test
    void nacksGapsThenRepeatsAfterOneRoundTrip() {
        NackGenerator nack = generator(NackSettings.DEFAULT);
        nack.onReceived(1);
        nack.onReceived(2);
        assertThat(nack.onReceived(5)).isZero();
        assertThat(nack.missingCount()).isEqualTo(2);
        assertThat(nack.isMissing(3)).isTrue();
        assertThat(collect(nack)).containsExactly(3, 4);
        now += 50 * MS;
        assertThat(collect(nack)).isEmpty();
        now += 50 * MS;
        assertThat(collect(nack)).containsExactly(3, 4);
        assertThat(nack.onReceived(3)).isEqualTo(NackGenerator.RECOVERED);
        assertThat(nack.onReceived(3)).isZero(); // duplicate
        now += RTT;
        assertThat(collect(nack)).containsExactly(4);
        assertThat(nack.recoveredCount()).isEqualTo(1);
    }

    @Test
    void theRetryIntervalHasAFloor() {
        NackGenerator nack = generator(NackSettings.DEFAULT);
        nack.onReceived(1);
        nack.onReceived(3);
        assertThat(nack.collect(0, out)).isEqualTo(1);
        now += 5 * MS;
        assertThat(nack.collect(0, out)).isZero();
        now += 5 * MS;
        assertThat(nack.collect(0, out)).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxRetries() {
        NackGenerator nack = generator(new NackSettings(100, 3, 10_000 * MS, 0, 0));
        nack.onReceived(1);
        nack.onReceived(3);
        for (int i = 0; i < 3; i++) {
            assertThat(collect(nack)).containsExactly(2);
            now += RTT;
        }
        assertThat(collect(nack)).isEmpty();
        assertThat(nack.missingCount()).isZero();
        assertThat(nack.givenUpCount()).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxAge() {
        NackGenerator nack = generator(new NackSettings(100, 100, 300 * MS, 0, 0));
        nack.onReceived(1);
        nack.onReceived(3);
        assertThat(collect(nack)).containsExactly(2);
        now += 301 * MS;
        assertThat(collect(nack)).isEmpty();
        assertThat(nack.givenUpCount()).isEqualTo(1);
    }

    @Test
    void waitsTheFirstRequestDelayToAbsorbReordering() {
        NackGenerator nack = generator(new NackSettings(100, 10, 1000 * MS, 0, 20 * MS));
        nack.onReceived(1);
        nack.onReceived(3);
        now += 10 * MS;
        assertThat(collect(nack)).isEmpty();
        nack.onReceived(2); // arrived late, within the delay: never NACKed
        now += 20 * MS;
        assertThat(collect(nack)).isEmpty();
        nack.onReceived(5);
        now += 20 * MS;
        assertThat(collect(nack)).containsExactly(4);
    }

    @Test
    void aBurstTooLargeToNackAsksForAKeyframe() {
        NackGenerator nack = generator(new NackSettings(10, 10, 1000 * MS, 0, 0));
        nack.onReceived(1);
        nack.onReceived(5);
        assertThat(nack.missingCount()).isEqualTo(3);
        assertThat(nack.onReceived(20)).isEqualTo(NackGenerator.KEYFRAME_NEEDED);
        assertThat(nack.missingCount()).isZero();
        assertThat(nack.givenUpCount()).isEqualTo(3);
        assertThat(collect(nack)).isEmpty();
        assertThat(nack.onReceived(21)).isZero();
    }

    @Test
    void worksAcrossSequenceWraparound() {
        NackGenerator nack = generator(NackSettings.DEFAULT);
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        for (int seq : new int[] {65533, 65534, 2}) {
            nack.onReceived(unwrapper.unwrap(seq));
        }
        assertThat(collect(nack)).containsExactly(65535, 0, 1);
    }

    @Test
    void resumesWhereTheOutputArrayWasFull() {
        NackGenerator nack = generator(NackSettings.DEFAULT);
        nack.onReceived(0);
        nack.onReceived(10);
        int[] small = new int[4];
        assertThat(nack.collect(RTT, small)).isEqualTo(4);
        assertThat(small).containsExactly(1, 2, 3, 4);
        assertThat(nack.collect(RTT, small)).isEqualTo(4);
        assertThat(small).containsExactly(5, 6, 7, 8);
        assertThat(nack.collect(RTT, small)).isEqualTo(1);
        assertThat(small[0]).isEqualTo(9);
    }

    @Test
    void missingPacketsLeavingTheWindowAreGivenUp() {
        NackGenerator nack = generator(new NackSettings(10, 10, 100_000 * MS, 0, 0)); // window 64
        nack.onReceived(0);
        nack.onReceived(2); // 1 missing
        for (int s = 3; s <= 70; s++) {
            nack.onReceived(s);
        }
        assertThat(nack.isMissing(1)).isFalse();
        assertThat(nack.missingCount()).isZero();
        assertThat(nack.givenUpCount()).isEqualTo(1);
        assertThat(collect(nack)).isEmpty();
        nack.reset();
        assertThat(nack.onReceived(500)).isZero();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new NackSettings(0, 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackSettings(1, 0, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever arrives (in order, with losses), the first collect asks for exactly the gaps. */
    @Property(tries = 200)
    void firstCollectNacksExactlyTheGaps(@ForAll @IntRange(max = 65535) int start,
                                         @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1, max = 4) Integer> steps) {
        NackGenerator nack = new NackGenerator(NackSettings.DEFAULT, () -> 0L);
        SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        TreeSet<Long> expected = new TreeSet<>();
        long seq = start;
        nack.onReceived(unwrapper.unwrap((int) (seq & 0xFFFF)));
        for (int step : steps) {
            for (int k = 1; k < step; k++) {
                expected.add(seq + k);
            }
            seq += step;
            nack.onReceived(unwrapper.unwrap((int) (seq & 0xFFFF)));
        }
        int[] all = new int[1000];
        int n = nack.collect(RTT, all);
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            actual.add(all[i]);
        }
        assertThat(actual).containsExactlyElementsOf(expected.stream().map(s -> (int) (s & 0xFFFF)).toList());
        assertThat(nack.missingCount()).isEqualTo(expected.size());
    }
}
