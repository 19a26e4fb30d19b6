package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.SctpSettings;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the (seeded) loss, duplication and reordering: the reliable channel delivers every message once and in
 * order, the lossy channel never delivers a message twice, and both sides end up with nothing outstanding.
 */
class LinkPropertiesTest {

    @Property(tries = 16)
    void reliableIsExactlyOnceInOrderAndLossyIsAtMostOnce(@ForAll long seed,
                                                           @ForAll @DoubleRange(min = 0, max = 0.25) double loss,
                                                           @ForAll @DoubleRange(min = 0, max = 0.2) double duplicate,
                                                           @ForAll @DoubleRange(min = 0, max = 0.3) double reorder,
                                                           @ForAll @IntRange(min = 1, max = 120) int count,
                                                           @ForAll boolean interleaving) {
        SctpSettings settings = SctpSettings.defaults().withInterleaving(interleaving);
        try (ChannelPair pair = new ChannelPair(settings, seed).connect()) {
            DataChannel reliable = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            DataChannel lossy = pair.server.transport.open("_lossy", ChannelOptions.LOSSY);
            pair.runUntil(() -> pair.client.opened.size() == 2, 30_000);
            pair.toClient.impair(loss, duplicate, reorder);
            pair.toServer.impair(loss, duplicate, reorder);
            for (int i = 0; i < count; i++) {
                reliable.sendText("r" + i);
                lossy.sendText("l" + i);
                pair.clock.advanceMillis(3);
            }
            pair.runUntil(() -> reliable.bufferedAmount() == 0 && lossy.bufferedAmount() == 0, 300_000);

            List<String> reliableGot = pair.client.messages.stream().filter(m -> m.label().equals("_reliable"))
                    .map(ChannelPair.Received::text).toList();
            assertThat(reliableGot).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(reliableGot.get(i)).isEqualTo("r" + i);
            }
            Set<String> lossySeen = new HashSet<>();
            pair.client.messages.stream().filter(m -> m.label().equals("_lossy"))
                    .forEach(m -> assertThat(lossySeen.add(m.text())).as("duplicate %s", m.text()).isTrue());
            assertThat(lossySeen).allMatch(t -> t.startsWith("l"));
        }
    }
}
