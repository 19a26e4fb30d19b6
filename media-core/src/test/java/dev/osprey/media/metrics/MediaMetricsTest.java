package dev.osprey.media.metrics;

import dev.osprey.media.api.DisconnectReason;
import dev.osprey.media.api.ParticipantState;
import dev.osprey.media.api.RoomCloseReason;
import dev.osprey.media.api.RoomName;
import dev.osprey.media.api.TrackInfo;
import dev.osprey.media.testing.RecordingSink;
import dev.osprey.media.testing.SfuFixture;
import dev.osprey.rtp.rtcp.GenericNack;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaMetricsTest {
    private final SfuFixture sfu = new SfuFixture();

    @AfterEach
    void close() {
        sfu.close();
    }

    private double value(String name, String tagKey, String tagValue) {
        return sfu.meters.get(name).tag(tagKey, tagValue).meters().stream()
                .mapToDouble(m -> m.measure().iterator().next().getValue()).sum();
    }

    @Test
    void tracksAndSubscriptionsAreMeteredAndTheirMetersRemovedWhenTheyEnd() {
        int bob = sfu.addSubscriber("bob");
        TrackInfo camera = sfu.publishCamera();
        sfu.negotiateVideo(bob, camera.id(), false);
        String track = camera.id().value();
        sfu.video("f", 1, 0, true, true, 1, 0);
        sfu.video("f", 3, 0, false, false, 1, 0);
        sfu.video("q", 1, 0, true, true, 1, 0);
        RecordingSink sink = sfu.subscriberSinks.get(bob);
        ByteBuf nack = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        GenericNack.write(nack, 1, RecordingSink.ssrc(sink.rtp.get(0)), new int[] {RecordingSink.seq(sink.rtp.get(0))}, 1);
        SfuFixture.participant(sfu.subscribers.get(bob)).subscriberMedia().onRtcp(nack, sfu.clock.nanos());
        sfu.tick();

        assertThat(value("osprey.media.track.packets.in", "track", track)).isEqualTo(3);
        assertThat(value("osprey.media.track.packets.lost", "track", track)).isEqualTo(1);
        assertThat(value("osprey.media.track.nacks.sent", "track", track)).isEqualTo(1);
        assertThat(value("osprey.media.track.subscribers", "track", track)).isEqualTo(1);
        assertThat(value("osprey.media.subscription.packets.out", "participant", "bob")).isEqualTo(2);
        assertThat(value("osprey.media.subscription.retransmissions", "participant", "bob")).isEqualTo(1);
        assertThat(value("osprey.media.subscription.nacks.received", "participant", "bob")).isEqualTo(1);
        assertThat(value("osprey.media.room.participants", "room", "room")).isEqualTo(2);
        assertThat(value("osprey.media.room.publishers", "room", "room")).isEqualTo(1);

        sfu.subscribers.get(bob).subscriber().unsubscribe(camera.id());
        assertThat(sfu.meters.find("osprey.media.subscription.packets.out").meters()).isEmpty();
        assertThat(value("osprey.media.track.subscribers", "track", track)).isZero();
        sfu.publisher.publisher().unpublish(camera.id());
        assertThat(sfu.meters.getMeters()).noneMatch(m -> track.equals(m.getId().getTag("track")));
        sfu.subscribers.get(bob).leave(DisconnectReason.CLIENT_INITIATED);
        assertThat(sfu.meters.getMeters()).noneMatch(m -> "bob".equals(m.getId().getTag("participant")));
        sfu.rooms.delete(new RoomName("room"), RoomCloseReason.DELETED);
        assertThat(sfu.meters.getMeters()).extracting(Meter::getId).allMatch(id -> id.getTag("room") == null);
        assertThat(sfu.meters.get("osprey.media.rooms.finished").counter().count()).isEqualTo(1);
    }

    @Test
    void theJoinTimeIsRecordedWhenAParticipantBecomesActive() {
        sfu.clock.advanceMillis(5);
        sfu.addSubscriber("bob");
        sfu.clock.advanceMillis(750);
        sfu.subscribers.get(0).advanceState(ParticipantState.JOINED);
        sfu.subscribers.get(0).advanceState(ParticipantState.ACTIVE);
        Timer timer = sfu.meters.get("osprey.media.join.time").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(750);
    }
}
