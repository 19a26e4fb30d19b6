package dev.osprey.signaling.session;

import dev.osprey.media.api.DtlsSetup;
import dev.osprey.media.api.Encoding;
import dev.osprey.media.api.LayerQuality;
import dev.osprey.media.api.MediaKind;
import dev.osprey.media.api.MimeType;
import dev.osprey.media.api.RemoteTransportDescription;
import dev.osprey.media.api.RtpParameters;
import dev.osprey.signaling.sdp.IcePwd;
import dev.osprey.signaling.sdp.IceUfrag;
import dev.osprey.signaling.sdp.Fingerprint;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.SessionDescription;
import dev.osprey.signaling.sdp.negotiation.MediaCapabilities;
import dev.osprey.signaling.sdp.negotiation.NegotiatedMedia;
import dev.osprey.signaling.sdp.negotiation.PublisherAnswer;
import dev.osprey.signaling.sdp.negotiation.TransportDescription;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SDP to media-core's typed parameters, from a captured Chromium publisher offer (three simulcast layers). */
class NegotiatedRtpTest {

    private static SessionDescription captured(String name) throws IOException {
        try (InputStream in = NegotiatedRtpTest.class.getResourceAsStream(
                "/dev/osprey/signaling/sdp/chromium/" + name)) {
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<NegotiatedMedia> negotiate() throws IOException {
        TransportDescription server = new TransportDescription(new IceUfrag("srvufrag"),
                new IcePwd("serverpasswordserverpasswd"), true, List.of(Fingerprint.parse("sha-256 "
                + "4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF")),
                List.of(), true);
        return PublisherAnswer.answer(captured("publisher-offer.sdp"), Origin.of(1, 1), server,
                MediaCapabilities.liveKitDefaults()).media();
    }

    @Test
    void aSimulcastVideoSectionBecomesRidEncodingsWithTheAnnouncedLayersAndRtx() throws IOException {
        NegotiatedMedia video = negotiate().stream().filter(m -> m.mid().equals("1")).findFirst().orElseThrow();
        List<Encoding> announced = List.of(Encoding.ofRid("q", LayerQuality.LOW, 320, 180),
                Encoding.ofRid("f", LayerQuality.HIGH, 1280, 720));
        RtpParameters parameters = NegotiatedRtp.published(video, announced);

        assertThat(parameters.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(parameters.mid()).isEqualTo("1");
        assertThat(parameters.trackLabel()).isEqualTo("6fd05c49-c0ee-43ea-a081-770166e0a0fa");
        assertThat(parameters.encodings()).extracting(Encoding::rid).containsExactly("q", "h", "f");
        assertThat(parameters.encodings().get(0).maxWidth()).isEqualTo(320);
        assertThat(parameters.encodings().get(1).quality()).isEqualTo(LayerQuality.MEDIUM);
        assertThat(parameters.encodings().get(2).maxHeight()).isEqualTo(720);
        int vp8 = parameters.codec(MimeType.VP8).orElseThrow().payloadType();
        assertThat(parameters.rtxPayloadTypeFor(vp8)).isPresent();
        assertThat(parameters.extensionId(dev.osprey.media.api.HeaderExtensionUri.RTP_STREAM_ID)).isPresent();
    }

    @Test
    void anAudioSectionKeepsItsSignalledSsrc() throws IOException {
        NegotiatedMedia audio = negotiate().stream().filter(m -> m.mid().equals("0")).findFirst().orElseThrow();
        RtpParameters parameters = NegotiatedRtp.published(audio, List.of());
        assertThat(parameters.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(parameters.primaryCodec().orElseThrow().mimeType()).isEqualTo(MimeType.OPUS);
        assertThat(parameters.encodings()).singleElement().satisfies(e -> assertThat(e.hasSsrc()).isTrue());
    }

    @Test
    void theClientsTransportIsReadFromTheFirstBundledSection() throws IOException {
        RemoteTransportDescription remote = SdpTransports.remote(captured("publisher-offer.sdp"));
        assertThat(remote.setup()).isEqualTo(DtlsSetup.ACTPASS);
        assertThat(remote.dataChannels()).isTrue();
        assertThat(remote.fingerprints()).singleElement().satisfies(f -> assertThat(f.algorithm()).isEqualTo("sha-256"));
        RemoteTransportDescription answer = SdpTransports.remote(captured("publisher-answer.sdp"));
        assertThat(answer.setup()).isEqualTo(DtlsSetup.ACTIVE);
    }

    @Test
    void aDescriptionWithoutFingerprintIsRefused() {
        SessionDescription bare = SessionDescription.parse(String.join("\r\n", "v=0", "o=- 1 1 IN IP4 127.0.0.1",
                "s=-", "t=0 0", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:0",
                ""));
        assertThatThrownBy(() -> SdpTransports.remote(bare)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining("fingerprint");
    }
}
