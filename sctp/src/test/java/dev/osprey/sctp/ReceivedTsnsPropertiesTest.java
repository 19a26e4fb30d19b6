package dev.osprey.sctp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver's TSN record against a plain model, with initial TSNs on both sides of the 2^32 wrap. */
class ReceivedTsnsPropertiesTest {

    @Provide
    Arbitrary<Long> initialTsns() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0xFFFF_FF00L, 0xFFFF_FFFFL),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL));
    }

    @Property(tries = 200)
    void cumulativeGapsAndDuplicatesMatchAModel(@ForAll("initialTsns") long initial,
                                                @ForAll @IntRange(min = 1, max = 300) int count,
                                                @ForAll long seed) {
        ReceivedTsns tsns = new ReceivedTsns(512, 16, initial);
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(offsets, random);
        TreeSet<Integer> received = new TreeSet<>();
        for (int offset : offsets) {
            boolean duplicate = random.nextInt(8) == 0 && !received.isEmpty();
            int chosen = duplicate ? received.first() : offset;
            ReceivedTsns.Outcome outcome = tsns.receive(Tsn.add(initial, chosen));
            assertThat(outcome).isEqualTo(duplicate ? ReceivedTsns.Outcome.DUPLICATE : ReceivedTsns.Outcome.NEW);
            received.add(chosen);
            if (duplicate) {
                tsns.receive(Tsn.add(initial, offset));
                received.add(offset);
            }
            int cumulative = -1;
            while (received.contains(cumulative + 1)) {
                cumulative++;
            }
            assertThat(tsns.cumulativeTsn()).isEqualTo(Tsn.add(initial, cumulative));
            assertThat(tsns.gapAckBlocks(1000)).containsExactly(modelGaps(received, cumulative));
        }
        assertThat(tsns.cumulativeTsn()).isEqualTo(Tsn.add(initial, count - 1));
        assertThat(tsns.hasGaps()).isFalse();
        assertThat(tsns.receive(Tsn.add(initial, count + 600))).isEqualTo(ReceivedTsns.Outcome.OUT_OF_WINDOW);
    }

    @Property(tries = 100)
    void forwardTsnSkipsHolesAcrossTheWrap(@ForAll("initialTsns") long initial,
                                           @ForAll @IntRange(min = 1, max = 400) int skip) {
        ReceivedTsns tsns = new ReceivedTsns(512, 16, initial);
        tsns.receive(Tsn.add(initial, skip + 1)); // arrives after the hole the FORWARD TSN closes
        assertThat(tsns.forwardTo(Tsn.add(initial, skip))).isTrue();
        assertThat(tsns.cumulativeTsn()).isEqualTo(Tsn.add(initial, skip + 1));
        assertThat(tsns.forwardTo(Tsn.add(initial, skip + 100_000))).isFalse();
        long before = tsns.extend(tsns.cumulativeTsn());
        assertThat(tsns.extend(Tsn.add(tsns.cumulativeTsn(), 5))).isEqualTo(before + 5);
    }

    private static int[] modelGaps(TreeSet<Integer> received, int cumulative) {
        List<Integer> out = new ArrayList<>();
        Integer start = null;
        int previous = cumulative;
        for (int offset : received.tailSet(cumulative + 1)) {
            if (start == null || offset != previous + 1) {
                if (start != null) {
                    out.add(start - cumulative);
                    out.add(previous - cumulative);
                }
                start = offset;
            }
            previous = offset;
        }
        if (start != null) {
            out.add(start - cumulative);
            out.add(previous - cumulative);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
