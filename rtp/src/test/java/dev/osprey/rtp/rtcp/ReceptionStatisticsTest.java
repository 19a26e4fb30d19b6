package dev.osprey.rtp.rtcp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 3550 appendix A.1, A.3 and A.8 on sequences whose expected values follow from the RFC's formulas. */
class ReceptionStatisticsTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsWithoutLoss() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000, 1);
        for (int seq = 100; seq < 200; seq++) {
            assertThat(stats.onPacket(seq, seq * 90, seq * MS)).isTrue();
        }
        assertThat(stats.received()).isEqualTo(100);
        assertThat(stats.expected()).isEqualTo(100);
        assertThat(stats.cumulativeLost()).isZero();
        ReportBlock block = stats.reportBlock(7, 200 * MS);
        assertThat(block.fractionLost()).isZero();
        assertThat(block.extendedHighestSequence()).isEqualTo(199);
        assertThat(block.jitter()).isZero(); // transit constant: 90 ticks per millisecond exactly
        assertThat(block.lastSenderReport()).isZero();
    }

    @Test
    void fractionLostIsPerInterval() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000, 1);
        for (int seq = 0; seq < 100; seq++) {
            if (seq % 10 != 5) {
                stats.onPacket(seq, 0, 0);
            }
        }
        ReportBlock first = stats.reportBlock(1, 0);
        assertThat(first.cumulativeLost()).isEqualTo(10);
        assertThat(first.fractionLost()).isEqualTo(10 * 256 / 100); // A.3: (lost_interval << 8) / expected_interval
        for (int seq = 100; seq < 150; seq++) {
            stats.onPacket(seq, 0, 0);
        }
        ReportBlock second = stats.reportBlock(1, 0);
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(10);
    }

    @Test
    void extendsAcrossWraparound() {
        ReceptionStatistics stats = new ReceptionStatistics(48_000, 1);
        for (int i = 0; i < 12; i++) {
            stats.onPacket((65530 + i) & 0xFFFF, 0, 0);
        }
        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + 5);
        assertThat(stats.expected()).isEqualTo(12);
        stats.onPacket(65535, 0, 0); // reordered duplicate after the wrap: counted, no new cycle
        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + 5);
        assertThat(stats.cumulativeLost()).isEqualTo(-1);
        assertThat(stats.reportBlock(1, 0).fractionLost()).isZero();
    }

    @Test
    void probationWaitsForSequentialPackets() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000, 2);
        assertThat(stats.onPacket(10, 0, 0)).isFalse();
        assertThat(stats.expected()).isZero();
        assertThat(stats.onPacket(11, 0, 0)).isTrue(); // A.1: the source becomes valid with base_seq = 11
        assertThat(stats.onPacket(12, 0, 0)).isTrue();
        assertThat(stats.received()).isEqualTo(2);
        assertThat(stats.expected()).isEqualTo(2);

        ReceptionStatistics broken = new ReceptionStatistics(90_000, 2);
        broken.onPacket(10, 0, 0);
        assertThat(broken.onPacket(20, 0, 0)).isFalse(); // not sequential: probation restarts from 20
        assertThat(broken.onPacket(21, 0, 0)).isTrue();
    }

    @Test
    void aLargeJumpTwiceInARowRestartsTheSequence() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000, 1);
        stats.onPacket(1000, 0, 0);
        stats.onPacket(1001, 0, 0);
        assertThat(stats.onPacket(30000, 0, 0)).isFalse(); // A.1: a jump > MAX_DROPOUT is held as bad_seq
        assertThat(stats.onPacket(30001, 0, 0)).isTrue(); // the next in sequence confirms a restart
        assertThat(stats.expected()).isEqualTo(1);
        assertThat(stats.extendedHighestSequence()).isEqualTo(30001);
    }

    @Test
    void jitterFollowsTheA8Estimator() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000, 1);
        // one packet per ms (90 ticks), the second arrives 10 ms (900 ticks) late, the rest on time
        stats.onPacket(0, 0, 0);
        stats.onPacket(1, 90, 11 * MS);
        assertThat(stats.jitter()).isEqualTo(900 >> 4); // J = 0 + 900 - ((0 + 8) >> 4) = 900, reported J >> 4
        stats.onPacket(2, 180, 2 * MS);
        assertThat(stats.jitter()).isEqualTo((900 + 900 - ((900 + 8) >> 4)) >> 4);
        stats.onPacket(3, 270, 3 * MS);
        long j = 900 + 900 - ((900 + 8) >> 4);
        j = j - ((j + 8) >> 4);
        assertThat(stats.jitter()).isEqualTo(j >> 4);
        stats.onPacket(1, 90, 30 * MS); // reordered: ignored by the jitter estimate
        assertThat(stats.jitter()).isEqualTo(j >> 4);
    }

    @Test
    void reportsLastSenderReportAndDelay() {
        ReceptionStatistics stats = new ReceptionStatistics(90_000, 1);
        stats.onPacket(1, 0, 0);
        long ntp = 0xe1a2b3c4_80000000L;
        stats.onSenderReport(ntp, 1000 * MS);
        ReportBlock block = stats.reportBlock(5, 1500 * MS);
        assertThat(block.lastSenderReport()).isEqualTo(0xb3c48000L);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(32768); // 0.5 s in 1/65536 s
        assertThatThrownBy(() -> new ReceptionStatistics(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ntpConversionsAndRoundTripTime() {
        assertThat(NtpTime.fromUnixNanos(0)).isEqualTo(NtpTime.UNIX_EPOCH_OFFSET_SECONDS << 32);
        assertThat(NtpTime.fromUnixNanos(1_500_000_000L)).isEqualTo((NtpTime.UNIX_EPOCH_OFFSET_SECONDS + 1) << 32 | 0x80000000L);
        assertThat(NtpTime.toUnixNanos(NtpTime.fromUnixNanos(1_700_000_000_123_456_789L)))
                .isBetween(1_700_000_000_123_456_788L, 1_700_000_000_123_456_789L);
        assertThat(NtpTime.compact(0x11223344_55667788L)).isEqualTo(0x33445566);
        assertThat(NtpTime.durationToCompact(1_500 * MS)).isEqualTo(98_304);
        assertThat(NtpTime.durationToCompact(-1)).isZero();
        assertThat(NtpTime.compactToNanos(65_536)).isEqualTo(1_000 * MS);
        int lsr = 0x10000000;
        int dlsr = 65_536; // 1 s held by the receiver
        int now = lsr + dlsr + 6_554; // 100 ms of network round trip
        assertThat(NtpTime.roundTripNanos(now, lsr, dlsr)).isBetween(99 * MS, 101 * MS);
        assertThat(NtpTime.roundTripNanos(now, 0, dlsr)).isEqualTo(-1);
        assertThat(NtpTime.roundTripNanos(lsr, lsr, dlsr)).isZero();
    }
}
