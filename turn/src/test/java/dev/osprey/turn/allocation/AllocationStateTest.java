package dev.osprey.turn.allocation;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationStateTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void permissionLastsThreeHundredSecondsAndRefreshExtendsIt() throws Exception {
        AtomicInteger live = new AtomicInteger();
        Permissions permissions = new Permissions(live);
        InetAddress peer = InetAddress.getByName("192.0.2.1");
        permissions.install(peer, 0);
        assertThat(permissions.permits(peer)).isTrue();
        assertThat(live).hasValue(1);
        permissions.install(peer, 100 * SECOND);
        assertThat(live).hasValue(1);
        assertThat(permissions.expire(399 * SECOND)).isZero();
        assertThat(permissions.expire(400 * SECOND)).isEqualTo(1);
        assertThat(permissions.permits(peer)).isFalse();
        assertThat(live).hasValue(0);
    }

    @Test
    void permissionIgnoresThePeerPort() throws Exception {
        Permissions permissions = new Permissions(new AtomicInteger());
        permissions.install(InetAddress.getByName("192.0.2.1"), 0);
        assertThat(permissions.permits(new InetSocketAddress("192.0.2.1", 9999).getAddress())).isTrue();
        assertThat(permissions.permits(InetAddress.getByName("192.0.2.2"))).isFalse();
    }

    @Test
    void clearingCountsDown() throws Exception {
        AtomicInteger live = new AtomicInteger();
        Permissions permissions = new Permissions(live);
        permissions.install(InetAddress.getByName("192.0.2.1"), 0);
        permissions.install(InetAddress.getByName("192.0.2.2"), 0);
        permissions.clear();
        assertThat(live).hasValue(0);
        assertThat(permissions.size()).isZero();
    }

    @Test
    void channelIsBoundBothWaysAndExpiresAfterTenMinutes() {
        AtomicInteger live = new AtomicInteger();
        ChannelBindings channels = new ChannelBindings(live);
        InetSocketAddress peer = new InetSocketAddress("192.0.2.1", 5000);
        assertThat(channels.bind(0x4000, peer, 0)).isTrue();
        assertThat(channels.byNumber(0x4000).peer()).isEqualTo(peer);
        assertThat(channels.byPeer(peer).number()).isEqualTo(0x4000);
        assertThat(live).hasValue(1);
        assertThat(channels.bind(0x4000, peer, 300 * SECOND)).isTrue();
        assertThat(channels.expire(899 * SECOND)).isZero();
        assertThat(channels.expire(900 * SECOND)).isEqualTo(1);
        assertThat(channels.byNumber(0x4000)).isNull();
        assertThat(channels.byPeer(peer)).isNull();
        assertThat(live).hasValue(0);
    }

    @Test
    void channelRefusesRebindingToAnotherPeerOrNumber() {
        ChannelBindings channels = new ChannelBindings(new AtomicInteger());
        InetSocketAddress peer = new InetSocketAddress("192.0.2.1", 5000);
        InetSocketAddress other = new InetSocketAddress("192.0.2.1", 5001);
        assertThat(channels.bind(0x4000, peer, 0)).isTrue();
        assertThat(channels.bind(0x4000, other, 0)).isFalse();
        assertThat(channels.bind(0x4001, peer, 0)).isFalse();
        assertThat(channels.bind(0x4001, other, 0)).isTrue();
        assertThat(channels.size()).isEqualTo(2);
        channels.clear();
        assertThat(channels.size()).isZero();
    }

    @Test
    void quotaCountsPerAccountAndServerWide() {
        AllocationQuota quota = new AllocationQuota(3, 2);
        assertThat(quota.tryAcquire("alice")).isEqualTo(AllocationQuota.Outcome.GRANTED);
        assertThat(quota.tryAcquire("alice")).isEqualTo(AllocationQuota.Outcome.GRANTED);
        assertThat(quota.tryAcquire("alice")).isEqualTo(AllocationQuota.Outcome.ACCOUNT_QUOTA_REACHED);
        assertThat(quota.tryAcquire("bob")).isEqualTo(AllocationQuota.Outcome.GRANTED);
        assertThat(quota.tryAcquire("carol")).isEqualTo(AllocationQuota.Outcome.SERVER_FULL);
        assertThat(quota.total()).isEqualTo(3);
        quota.release("alice");
        assertThat(quota.of("alice")).isEqualTo(1);
        assertThat(quota.tryAcquire("carol")).isEqualTo(AllocationQuota.Outcome.GRANTED);
        quota.release("bob");
        assertThat(quota.of("bob")).isZero();
    }

    @Test
    void zeroMeansNoLimit() {
        AllocationQuota quota = new AllocationQuota(0, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(quota.tryAcquire("alice")).isEqualTo(AllocationQuota.Outcome.GRANTED);
        }
        assertThat(quota.total()).isEqualTo(100);
    }
}
