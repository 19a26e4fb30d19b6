package dev.osprey.sctp.datachannel;

import dev.osprey.sctp.SctpSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** TSNs across 2^32, end to end (SSNs across 2^16: {@code ReassemblerTest}). */
class WraparoundTest {

    @Test
    void tsnsWrapDuringALossyTransfer() {
        try (ChannelPair pair = new ChannelPair(SctpSettings.defaults(), 41, 0xFFFF_FF80L).connect()) {
            pair.toClient.impair(0.1, 0.05, 0.2);
            DataChannel channel = pair.server.transport.open("_reliable", ChannelOptions.RELIABLE);
            for (int i = 0; i < 400; i++) {
                channel.sendText("w" + i);
            }
            pair.runUntil(() -> pair.client.messages.size() == 400, 120_000);
            for (int i = 0; i < 400; i++) {
                assertThat(pair.client.messages.get(i).text()).isEqualTo("w" + i);
            }
            pair.runUntil(() -> channel.bufferedAmount() == 0, 60_000);
        }
    }
}
