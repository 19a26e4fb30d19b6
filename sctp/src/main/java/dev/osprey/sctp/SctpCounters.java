package dev.osprey.sctp;

import java.util.concurrent.atomic.LongAdder;

/**
 * The endpoint's counters. Associations of one endpoint live on several event loops, so each counter is a
 * {@link LongAdder}: no lock and little contention on the packet path.
 */
public final class SctpCounters implements SctpStats {
    private final LongAdder[] adders = new LongAdder[SctpCounter.values().length];

    public SctpCounters() {
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    public void increment(SctpCounter counter) {
        adders[counter.ordinal()].increment();
    }

    public void add(SctpCounter counter, long amount) {
        adders[counter.ordinal()].add(amount);
    }

    @Override
    public long count(SctpCounter counter) {
        return adders[counter.ordinal()].sum();
    }
}
