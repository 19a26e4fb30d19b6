package dev.osprey.srtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.Locale;

/**
 * Drop counters shared by every {@link SrtpSession} of one registry: {@code osprey.srtp.dropped} tagged with the
 * operation and the {@link SrtpStatus} reason. Counters are looked up once here, so counting on the packet path is a
 * single {@link Counter#increment()}.
 */
public final class SrtpMetrics {

    /** Which transform dropped the packet. */
    public enum Operation {
        PROTECT_RTP, UNPROTECT_RTP, PROTECT_RTCP, UNPROTECT_RTCP
    }

    private final Counter[][] dropped;

    /** Registers the counters in {@code registry}. */
    public SrtpMetrics(MeterRegistry registry) {
        Operation[] ops = Operation.values();
        SrtpStatus[] statuses = SrtpStatus.values();
        dropped = new Counter[ops.length][statuses.length];
        for (Operation op : ops) {
            for (SrtpStatus status : statuses) {
                if (status != SrtpStatus.OK) {
                    dropped[op.ordinal()][status.ordinal()] = Counter.builder("osprey.srtp.dropped")
                            .description("SRTP/SRTCP packets dropped by a protect or unprotect, by reason")
                            .tags(Tags.of("operation", op.name().toLowerCase(Locale.ROOT),
                                    "reason", status.name().toLowerCase(Locale.ROOT)))
                            .register(registry);
                }
            }
        }
    }

    /** Metrics in a private registry of their own, for tests and tools. */
    public static SrtpMetrics standalone() {
        return new SrtpMetrics(new SimpleMeterRegistry());
    }

    /** Counts a drop; {@link SrtpStatus#OK} is not counted. Returns the status for chaining. */
    SrtpStatus count(Operation op, SrtpStatus status) {
        Counter c = dropped[op.ordinal()][status.ordinal()];
        if (c != null) {
            c.increment();
        }
        return status;
    }

    /** The current count of one reason, for tests and diagnostics. */
    public double dropped(Operation op, SrtpStatus status) {
        Counter c = dropped[op.ordinal()][status.ordinal()];
        return c == null ? 0 : c.count();
    }
}
