package dev.osprey.signaling.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {

    @ParameterizedTest
    @CsvSource({"/, HEALTH", "'', HEALTH", "//, HEALTH", "///, HEALTH", "/rtc, RTC", "//rtc, RTC", "/a/b/rtc, RTC",
            "/rtc/validate, RTC_VALIDATE", "/livekit/rtc/validate, RTC_VALIDATE", "/rtc/v1, RTC_V1",
            "/x/rtc/v1/validate, RTC_V1_VALIDATE", "/rtc/, UNKNOWN", "/xrtc, UNKNOWN", "/rtc/validate/, UNKNOWN",
            "/rtcs, UNKNOWN", "/twirp/livekit.RoomService/ListRooms, TWIRP", "/twirp/anything, TWIRP",
            "/lk/twirp/livekit.RoomService/ListRooms, TWIRP", "/lk/twirp/x, UNKNOWN", "/lk/twirp/a/b/c, UNKNOWN",
            "/lk/twirp/a/, UNKNOWN", "/lk/twirp/x/rtc, RTC", "/rtc/v2, UNKNOWN"})
    void resolves(String raw, Route expected) {
        assertThat(Route.resolve(Route.normalizePath(raw))).isEqualTo(expected);
    }
}
