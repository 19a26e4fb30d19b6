package dev.osprey.signaling.data;

import dev.osprey.media.api.DataReliability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The data relay's meters, all registered up front so that counting a message is an increment, never a lookup:
 * {@code osprey.signaling.data.messages.in} / {@code bytes.in} (what participants sent, by {@code kind}),
 * {@code osprey.signaling.data.messages.out} / {@code bytes.out} (copies queued toward participants, by {@code kind})
 * and {@code osprey.signaling.data.dropped} by {@code reason}.
 */
final class DataMetrics {
    private final Map<DataReliability, Counter> messagesIn = new EnumMap<>(DataReliability.class);
    private final Map<DataReliability, Counter> bytesIn = new EnumMap<>(DataReliability.class);
    private final Map<DataReliability, Counter> messagesOut = new EnumMap<>(DataReliability.class);
    private final Map<DataReliability, Counter> bytesOut = new EnumMap<>(DataReliability.class);
    private final Map<DropCause, Counter> dropped = new EnumMap<>(DropCause.class);

    DataMetrics(MeterRegistry registry) {
        for (DataReliability r : DataReliability.values()) {
            String kind = r.name().toLowerCase(Locale.ROOT);
            messagesIn.put(r, counter(registry, "osprey.signaling.data.messages.in", "kind", kind,
                    "Data channel messages received from participants"));
            bytesIn.put(r, counter(registry, "osprey.signaling.data.bytes.in", "kind", kind,
                    "Bytes of data channel messages received from participants"));
            messagesOut.put(r, counter(registry, "osprey.signaling.data.messages.out", "kind", kind,
                    "Data packets queued toward participants (one per receiver)"));
            bytesOut.put(r, counter(registry, "osprey.signaling.data.bytes.out", "kind", kind,
                    "Bytes of data packets queued toward participants"));
        }
        for (DropCause cause : DropCause.values()) {
            dropped.put(cause, counter(registry, "osprey.signaling.data.dropped", "reason", cause.tag(),
                    "Data messages not relayed, or not delivered to one receiver, by reason"));
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String tag, String value, String text) {
        return Counter.builder(name).tag(tag, value).description(text).register(registry);
    }

    void received(DataReliability reliability, int bytes) {
        messagesIn.get(reliability).increment();
        bytesIn.get(reliability).increment(bytes);
    }

    void queued(DataReliability reliability, int bytes) {
        messagesOut.get(reliability).increment();
        bytesOut.get(reliability).increment(bytes);
    }

    void dropped(DropCause cause) {
        dropped.get(cause).increment();
    }
}
