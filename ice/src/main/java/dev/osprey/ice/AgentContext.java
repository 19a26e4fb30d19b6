package dev.osprey.ice;

import java.time.Clock;
import java.util.function.Consumer;

/** What a transport needs from its agent: shared tables, meters, time, limits, and a way to say it closed. */
record AgentContext(UfragTable ufrags, IceMetrics metrics, Clock clock, long consentTimeoutMillis,
                    int maxPairsPerTransport, Consumer<LiteTransport> onClosed) {
}
