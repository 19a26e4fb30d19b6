package dev.osprey.signaling.sdp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Text stitched from real lines and noise, under any limits: the parser answers or throws its own exception. */
class SdpParserPropertiesTest {

    private static final List<String> LINES = CapturedSdp.text(CapturedSdp.PUBLISHER_OFFER_GATHERED)
            .lines().distinct().toList();

    @Property(tries = 300)
    void onlyParseExceptionsUnderAnyLimits(@ForAll @IntRange(min = 1, max = 20_000) int maxTotalChars,
                                           @ForAll @IntRange(min = 1, max = 40) int maxLines,
                                           @ForAll @IntRange(min = 1, max = 150) int maxLineChars,
                                           @ForAll("sdpLike") String text) {
        SdpParser parser = new SdpParser(new SdpLimits(maxTotalChars, maxLines, maxLineChars));
        try {
            SessionDescription sd = parser.parse(text);
            assertThat(text.length()).isLessThanOrEqualTo(maxTotalChars);
            assertThat(SessionDescription.parse(sd.toSdp())).isEqualTo(sd);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> sdpLike() {
        Arbitrary<String> real = Arbitraries.of(LINES);
        Arbitrary<String> mutated = real.flatMap(line -> Arbitraries.integers().between(0, line.length())
                .flatMap(cut -> Arbitraries.strings().ofMaxLength(4).map(noise ->
                        line.substring(0, cut) + noise + line.substring(cut))));
        Arbitrary<String> ending = Arbitraries.of("\r\n", "\n", "\r", "", "\r\n\r\n");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, real), net.jqwik.api.Tuple.of(3, mutated),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
        Arbitrary<String> head = Arbitraries.of("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", "v=0\n",
                "v=0\r\no=- 1", "");
        Arbitrary<List<String>> body = net.jqwik.api.Combinators.combine(line, ending).as(String::concat).list()
                .ofMaxSize(25);
        return net.jqwik.api.Combinators.combine(head, body).as((h, parts) -> h + String.join("", parts));
    }
}
