package dev.osprey.signaling.sdp.negotiation;

import dev.osprey.signaling.sdp.CapturedSdp;
import dev.osprey.signaling.sdp.Direction;
import dev.osprey.signaling.sdp.MediaType;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.SsrcGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignalledTrackTest {

    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @Test
    void chromiumPublisherOffer() {
        SessionDescription offer = CapturedSdp.parse(CapturedSdp.PUBLISHER_OFFER);
        List<SignalledTrack> tracks = SignalledTrack.of(offer);
        assertThat(tracks).extracting(SignalledTrack::mid).containsExactly("0", "1", "2", "3");
        SignalledTrack camera = tracks.get(1);
        assertThat(camera.kind()).isEqualTo(MediaType.VIDEO);
        assertThat(camera.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(camera.streamId()).isEqualTo("87f2f3bd-3673-4452-95ba-4ebbd1325a35");
        assertThat(camera.trackId()).isEqualTo("6fd05c49-c0ee-43ea-a081-770166e0a0fa");
        assertThat(camera.isSimulcast()).isTrue();
        assertThat(camera.layers()).extracting(SimulcastLayer::ridId).containsExactly("q", "h", "f");
        assertThat(camera.packedStreamId()).isEmpty();
        assertThat(tracks.get(2).trackId()).isNull();
        assertThat(SignalledTrack.midToTrackId(offer)).isEqualTo(Map.of(
                "0", "10ec38f2-7add-4968-bfc3-1efd5c6272ab", "1", "6fd05c49-c0ee-43ea-a081-770166e0a0fa"));
    }

    @Test
    void ssrcSignalledCamera() {
        SignalledTrack camera = SignalledTrack.of(CapturedSdp.parse(CapturedSdp.CAMERA_OFFER)).get(0);
        assertThat(camera.isSimulcast()).isFalse();
        assertThat(camera.ssrcs()).hasSize(2);
        assertThat(camera.ssrcGroups()).singleElement().extracting(SsrcGroup::ssrcs).isEqualTo(camera.ssrcs());
    }

    @Test
    void legacySourceLevelMsidAndSessionLevelDirection() {
        SessionDescription sd = SessionDescription.parse(HEAD + "a=sendonly\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:a\r\na=ssrc:5 cname:x\r\na=ssrc:5 msid:PA_p|TR_t TR_t\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:b\r\na=ssrc:6 msid:bad value here\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:c\r\n"
                + "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\na=mid:d\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
        List<SignalledTrack> tracks = SignalledTrack.of(sd);
        assertThat(tracks).extracting(SignalledTrack::mid).containsExactly("a", "b");
        assertThat(tracks.get(0).trackId()).isEqualTo("TR_t");
        assertThat(tracks.get(0).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(tracks.get(0).packedStreamId()).contains(new PackedStreamId("PA_p", "TR_t"));
        assertThat(tracks.get(0).ssrcs()).containsExactly(5L);
        assertThat(tracks.get(1).trackId()).as("unparsable legacy msid is ignored").isNull();
    }

    @Test
    void simulcastAlternativesPausedStreamsAndQualities() {
        SessionDescription sd = SessionDescription.parse(HEAD + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:v\r\n"
                + "a=rid:2 send max-width=640\r\na=rid:3 send\r\na=rid:9 recv\r\n"
                + "a=simulcast:send 1,2;~3 recv 9\r\n");
        List<SimulcastLayer> layers = SimulcastLayer.sentBy(sd.media().get(0));
        assertThat(layers).extracting(SimulcastLayer::ridId).containsExactly("2", "3");
        assertThat(layers.get(0).rid().restriction("max-width")).hasValue(640);
        assertThat(layers.get(1).paused()).isTrue();
        assertThat(layers).extracting(SimulcastLayer::quality).containsExactly(0, 1);

        SessionDescription noSimulcastLine = SessionDescription.parse(HEAD + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                + "a=mid:v\r\na=rid:lo send\r\na=rid:mid send\r\na=rid:hi send\r\n");
        assertThat(SimulcastLayer.sentBy(noSimulcastLine.media().get(0))).extracting(SimulcastLayer::quality)
                .containsExactly(0, 1, 2);
        assertThat(SimulcastLayer.quality("x", 3, 4)).isEqualTo(2);
        assertThat(SimulcastLayer.quality("x", 0, 4)).isZero();
    }

    @Test
    void packedStreamIds() {
        assertThat(PackedStreamId.parse("PA_x|TR_y")).contains(new PackedStreamId("PA_x", "TR_y"));
        assertThat(PackedStreamId.parse("PA_x|my|stream")).contains(new PackedStreamId("PA_x", "my|stream"));
        assertThat(PackedStreamId.parse("no-bar")).isEmpty();
        assertThat(PackedStreamId.parse("|TR_y")).isEmpty();
        assertThat(PackedStreamId.parse("PA_x|")).isEmpty();
        assertThat(PackedStreamId.msid("PA_x", "TR_y").lineValue()).isEqualTo("msid:PA_x|TR_y TR_y");
    }
}
