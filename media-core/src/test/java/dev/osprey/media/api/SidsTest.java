package dev.osprey.media.api;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SidsTest {

    @Property(tries = 200)
    void generatedSidsHaveThePrefixAndTwelveBase62Characters(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        assertThat(RoomId.generate(random).value()).matches("RM_[0-9A-Za-z]{12}");
        assertThat(ParticipantId.generate(random).value()).matches("PA_[0-9A-Za-z]{12}");
        TrackId track = TrackId.generate(random);
        assertThat(track.value()).matches("TR_[0-9A-Za-z]{12}");
        assertThat(new TrackId(track.value())).isEqualTo(track);
    }

    @Test
    void sidsFromOutsideAreValidated() {
        assertThatThrownBy(() -> new TrackId("PA_abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackId("TR_")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackId("TR_ab-c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrackId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomId("RM_" + "a".repeat(62))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ParticipantId("PA_x").toString()).isEqualTo("PA_x");
    }

    @Test
    void namesRejectControlCharacters() {
        assertThatThrownBy(() -> new RoomName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomName("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipantIdentity("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RoomName("my room").value()).isEqualTo("my room");
    }
}
