package dev.osprey.sctp;

/** Read side of the endpoint's counters, for metrics binding and tests. */
@FunctionalInterface
public interface SctpStats {

    long count(SctpCounter counter);
}
