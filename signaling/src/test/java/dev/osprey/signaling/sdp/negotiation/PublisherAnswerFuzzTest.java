package dev.osprey.signaling.sdp.negotiation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.signaling.sdp.MediaDescription;
import dev.osprey.signaling.sdp.Origin;
import dev.osprey.signaling.sdp.SdpParseException;
import dev.osprey.signaling.sdp.SessionDescription;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for answering untrusted offers: a browser's offer that parses must be answered or refused with
 * {@link SdpParseException}, never another exception; the answer is valid SDP with one section per offered
 * section, the same mids, and only payload types the offer had. Corpus: {@code PublisherAnswerFuzzTestInputs/answer}.
 */
class PublisherAnswerFuzzTest {

    private static final MediaCapabilities LIVEKIT = MediaCapabilities.liveKitDefaults();

    @FuzzTest(maxDuration = "2m")
    void answer(byte[] data) {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(new String(data, StandardCharsets.UTF_8));
        } catch (SdpParseException e) {
            return;
        }
        PublisherAnswer.Result result;
        try {
            result = PublisherAnswer.answer(offer, Origin.of(1, 1), Fixtures.liteTransport(), LIVEKIT);
        } catch (SdpParseException refused) {
            assertThat(refused.getMessage()).contains("mid");
            return;
        }
        SessionDescription answer = result.answer();
        assertThat(SessionDescription.parse(answer.toSdp())).isEqualTo(answer);
        assertThat(answer.media()).hasSameSizeAs(offer.media());
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription offered = offer.media().get(i);
            MediaDescription answered = answer.media().get(i);
            assertThat(answered.mid()).isEqualTo(offered.mid());
            if (answered.mediaLine().isRtp() && !answered.isRejected()) {
                assertThat(offered.mediaLine().payloadTypes()).containsAll(answered.mediaLine().payloadTypes());
            }
        }
        assertThat(result.media()).allSatisfy(m -> assertThat(offer.mediaByMid(m.mid())).isPresent());
    }
}
