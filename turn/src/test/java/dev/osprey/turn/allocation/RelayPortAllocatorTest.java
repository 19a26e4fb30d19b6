package dev.osprey.turn.allocation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelayPortAllocatorTest {

    @Test
    void handsOutEveryPortOnceThenRunsOut() {
        RelayPortAllocator ports = new RelayPortAllocator(50000, 50009);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            OptionalInt port = ports.acquire();
            assertThat(port).isPresent();
            assertThat(port.getAsInt()).isBetween(50000, 50009);
            assertThat(seen.add(port.getAsInt())).isTrue();
        }
        assertThat(ports.acquire()).isEmpty();
        ports.release(50004);
        assertThat(ports.acquire()).hasValue(50004);
        assertThat(ports.inUse()).isEqualTo(10);
    }

    @Test
    void evenPortIsEvenAndReservationHoldsTheNextOne() {
        RelayPortAllocator ports = new RelayPortAllocator(50001, 50004);
        var grant = ports.acquireEven(true, 0).orElseThrow();
        assertThat(grant.port()).isEqualTo(50002);
        assertThat(grant.reservationToken()).isPresent();
        assertThat(ports.inUse()).isEqualTo(2);
        assertThat(ports.acquireEven(true, 0)).isEmpty(); // 50004 is even but 50005 is out of range
        assertThat(ports.acquireEven(false, 0).orElseThrow().port()).isEqualTo(50004);
        assertThat(ports.redeem(grant.reservationToken().getAsLong(), 1)).hasValue(50003);
        assertThat(ports.redeem(grant.reservationToken().getAsLong(), 1)).isEmpty();
    }

    @Test
    void reservationsExpireAfterThirtySeconds() {
        RelayPortAllocator ports = new RelayPortAllocator(50000, 50001);
        long token = ports.acquireEven(true, 0).orElseThrow().reservationToken().getAsLong();
        long later = TimeUnit.SECONDS.toNanos(RelayPortAllocator.RESERVATION_SECONDS);
        assertThat(ports.expireReservations(later - 1)).isZero();
        assertThat(ports.expireReservations(later)).isEqualTo(1);
        assertThat(ports.redeem(token, later)).isEmpty();
        assertThat(ports.acquire()).hasValue(50001);
    }

    @Test
    void redeemingALateTokenFreesItsPort() {
        RelayPortAllocator ports = new RelayPortAllocator(50000, 50001);
        long token = ports.acquireEven(true, 0).orElseThrow().reservationToken().getAsLong();
        assertThat(ports.redeem(token, TimeUnit.SECONDS.toNanos(31))).isEmpty();
        assertThat(ports.inUse()).isEqualTo(1);
    }

    @Test
    void cancelFreesTheReservedPort() {
        RelayPortAllocator ports = new RelayPortAllocator(50000, 50001);
        long token = ports.acquireEven(true, 0).orElseThrow().reservationToken().getAsLong();
        ports.cancel(token);
        assertThat(ports.inUse()).isEqualTo(1);
        assertThat(ports.redeem(token, 0)).isEmpty();
    }

    @Test
    void oddSinglePortRangeHasNoEvenPort() {
        assertThat(new RelayPortAllocator(50001, 50001).acquireEven(false, 0)).isEmpty();
    }

    @Test
    void rejectsBadRanges() {
        assertThatThrownBy(() -> new RelayPortAllocator(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPortAllocator(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayPortAllocator(10, 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
