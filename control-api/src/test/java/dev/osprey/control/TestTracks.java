package dev.osprey.control;

import dev.osprey.control.support.FakeRoomService;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;

/** Track fixtures for the fake room service. */
final class TestTracks {

    private TestTracks() {
    }

    static TrackInfo mic(String sid) {
        return FakeRoomService.track(sid, TrackType.AUDIO, TrackSource.MICROPHONE);
    }

    static TrackInfo camera(String sid) {
        return FakeRoomService.track(sid, TrackType.VIDEO, TrackSource.CAMERA);
    }

    static TrackInfo screen(String sid) {
        return FakeRoomService.track(sid, TrackType.VIDEO, TrackSource.SCREEN_SHARE);
    }

    static TrackInfo screenAudio(String sid) {
        return FakeRoomService.track(sid, TrackType.AUDIO, TrackSource.SCREEN_SHARE_AUDIO);
    }
}
