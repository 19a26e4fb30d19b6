package dev.osprey.signaling.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer targets for the SDP parser and the trickled-candidate parser: only {@link SdpParseException} may escape,
 * and whatever parses writes back to text that parses to the same model. The corpora under
 * {@code SdpParserFuzzTestInputs/} run in every build.
 */
class SdpParserFuzzTest {

    private static final SdpParser PARSER = new SdpParser(new SdpLimits(64 * 1024, 2048, 2048));

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        SessionDescription parsed;
        try {
            parsed = PARSER.parse(text);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotEmpty();
            return;
        }
        String written = parsed.toSdp();
        assertThat(SessionDescription.parse(written)).isEqualTo(parsed);
        assertThat(SessionDescription.parse(written).toSdp()).isEqualTo(written);
    }

    @FuzzTest(maxDuration = "2m")
    void trickleCandidate(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Candidate candidate;
        try {
            candidate = Candidate.fromTrickle(text);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotEmpty();
            return;
        }
        assertThat(Candidate.fromTrickle(candidate.toTrickle())).isEqualTo(candidate);
    }
}
