package dev.osprey.rtp.nack;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetransmissionCacheTest {
    private static final long MS = 1_000_000L;
    private long now;
    private final List<ByteBuf> packets = new ArrayList<>();
    private final RetransmissionCache cache = new RetransmissionCache(4, 1000 * MS, 2, () -> now);

    @AfterEach
    void release() {
        cache.close();
        for (ByteBuf p : packets) {
            assertThat(p.refCnt()).as("the cache released what it retained").isEqualTo(1);
            p.release();
        }
    }

    private ByteBuf packet(int marker) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        buf.writeInt(marker).writeInt(marker);
        packets.add(buf);
        return buf;
    }

    @Test
    void storesRetainedReferencesAndFindsThemBySequence() {
        ByteBuf p = packet(1);
        assertThat(cache.put(10, p, 0, 8)).isTrue();
        assertThat(p.refCnt()).isEqualTo(2);
        int slot = cache.find(10);
        assertThat(slot).isNotNegative();
        assertThat(cache.buffer(slot)).isSameAs(p);
        assertThat(cache.offset(slot)).isZero();
        assertThat(cache.length(slot)).isEqualTo(8);
        assertThat(cache.find(11)).isEqualTo(-1);
        assertThat(cache.find(14)).isEqualTo(-1); // same slot, other sequence
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.capacity()).isEqualTo(4);
    }

    @Test
    void aNewerPacketEvictsAndReleasesTheOneInItsSlot() {
        ByteBuf old = packet(1);
        ByteBuf newer = packet(2);
        cache.put(1, old, 0, 8);
        cache.put(5, newer, 0, 8);
        assertThat(old.refCnt()).isEqualTo(1);
        assertThat(cache.find(1)).isEqualTo(-1);
        assertThat(cache.find(5)).isNotNegative();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void refusesPacketsOlderThanTheWindowAndReplacesDuplicates() {
        cache.put(100, packet(1), 0, 8);
        ByteBuf tooOld = packet(2);
        assertThat(cache.put(96, tooOld, 0, 8)).isFalse();
        assertThat(tooOld.refCnt()).isEqualTo(1);
        assertThat(cache.put(97, packet(3), 0, 8)).isTrue();
        ByteBuf first = packet(4);
        ByteBuf again = packet(5);
        cache.put(98, first, 0, 8);
        cache.put(98, again, 0, 8);
        assertThat(first.refCnt()).isEqualTo(1);
        assertThat(cache.buffer(cache.find(98))).isSameAs(again);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void expiresByAge() {
        ByteBuf p = packet(1);
        cache.put(1, p, 0, 8);
        now = 1000 * MS;
        assertThat(cache.find(1)).isNotNegative();
        now = 1000 * MS + 1;
        assertThat(cache.find(1)).isEqualTo(-1);
        assertThat(p.refCnt()).isEqualTo(1);
        ByteBuf q = packet(2);
        cache.put(2, q, 0, 8);
        now += 2000 * MS;
        cache.evictExpired();
        assertThat(q.refCnt()).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void pacesResendsByRoundTripTimeAndCountsThem() {
        cache.put(1, packet(1), 0, 8);
        int slot = cache.find(1);
        assertThat(cache.shouldResend(slot, 100 * MS)).isTrue();
        now = 50 * MS;
        assertThat(cache.shouldResend(slot, 100 * MS)).isFalse(); // within one RTT of the first resend
        now = 100 * MS;
        assertThat(cache.shouldResend(slot, 100 * MS)).isTrue();
        now = 500 * MS;
        assertThat(cache.shouldResend(slot, 100 * MS)).isFalse(); // max resends (2) reached
    }

    @Test
    void clearReleasesEverything() {
        for (int i = 0; i < 4; i++) {
            cache.put(i, packet(i), 0, 8);
        }
        assertThat(cache.size()).isEqualTo(4);
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(packets).allMatch(p -> p.refCnt() == 1);
        assertThat(cache.put(0, packet(9), 0, 8)).isTrue(); // window forgotten too
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new RetransmissionCache(0, 1, 1, () -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetransmissionCache(1000, 1, 1, () -> 0).capacity()).isEqualTo(1024);
        assertThat(new RetransmissionCache(1, 1, 1, () -> 0).capacity()).isEqualTo(1);
    }
}
