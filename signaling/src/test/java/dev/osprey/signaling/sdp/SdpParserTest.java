package dev.osprey.signaling.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Malformed and oversized input: every failure is an {@link SdpParseException} naming the line. */
class SdpParserTest {

    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";

    private static SdpParseException failure(String sdp) {
        return catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(sdp));
    }

    @Test
    void minimalDescriptionParses() {
        SessionDescription sd = SessionDescription.parse(HEAD + AUDIO + "a=rtpmap:111 opus/48000/2\r\n");
        assertThat(sd.media()).singleElement().satisfies(m ->
                assertThat(m.rtpMaps()).containsExactly(new RtpMap(111, "opus", 48000, 2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "m=audio|missing port",
            "m=audio x UDP/TLS/RTP/SAVPF 111|port is not a number",
            "m=audio 70000 UDP/TLS/RTP/SAVPF 111|outside 0..65535",
            "m=audio -1 UDP/TLS/RTP/SAVPF 111|port is not a number",
            "m=audio 9 UDP/TLS/RTP/SAVPF|missing fmt",
            "m=audio 9 UDP/TLS/RTP/SAVPF |missing fmt",
            "m=audio 9 UDP/TLS/RTP/SAVPF 128|outside 0..127",
            "m=audio 9 UDP/TLS/RTP/SAVPF 1111|not an RTP payload type",
            "m=audio 9 UDP/TLS/RTP/SAVPF opus|not an RTP payload type",
            "m=audio 9/0 UDP/TLS/RTP/SAVPF 111|outside 1..65535",
            "m=audio 9 UDP//SAVPF 111|proto part",
            "m=au(dio 9 UDP/TLS/RTP/SAVPF 111|expected a space before port",
            "m=audio 99999999999999999999 RTP/AVP 0|too large",
    })
    void badMediaLines(String mLine, String reason) {
        SdpParseException e = failure(HEAD + mLine + "\r\n");
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.getMessage()).startsWith("line 5 \"" + mLine + "\"").contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=rtpmap 111 opus/48000/2|missing ':' after the name",
            "a=rtpmap|needs a value",
            "a=rtcp-mux:1|takes no value",
            "a=sendonly:x|takes no value",
            "a=rtpmap:128 opus/48000/2|outside 0..127",
            "a=rtpmap:-1 opus/48000/2|payload type is not a number",
            "a=rtpmap:111 opus|expected '/'",
            "a=rtpmap:111 opus/|missing clock rate",
            "a=rtpmap:111 opus/abc|clock rate is not a number",
            "a=rtpmap:111 opus/48000/0|outside 1..255",
            "a=rtpmap:111 opus/48000/2 trailing|unexpected text",
            "a=rtpmap:111 opus/99999999999|outside 1..4294967295",
            "a=fmtp:300 apt=96|outside 0..127",
            "a=fmtp:97 =96|has no name",
            "a=rtcp-fb:96|missing feedback type",
            "a=rtcp-fb:x nack|payload type is not a number",
            "a=extmap:0 urn:x|outside 1..4351",
            "a=extmap:300 urn:x|not in 1..255 or 4096..4351",
            "a=extmap:1/sideways urn:x|unknown direction",
            "a=extmap:1|missing URI",
            "a=mid:|missing identification-tag",
            "a=mid:a b|unexpected text",
            "a=msid:|missing msid-id",
            "a=ssrc:4294967296 cname:x|outside 0..4294967295",
            "a=ssrc:1|missing source attribute",
            "a=ssrc-group:FID 1 x|ssrc-id is not a number",
            "a=rid:q|missing rid-dir",
            "a=rid:q both|rid-dir must be send or recv",
            "a=rid:q send pt=x|payload type is not a number",
            "a=rid:q send max-width=1;;|rid parameter name",
            "a=rid:q! send|expected a space",
            "a=simulcast:send|missing stream list",
            "a=simulcast:send q;|missing rid",
            "a=simulcast:sideways q|expected send or recv",
            "a=simulcast:send q send h|appears twice",
            "a=group:|missing semantics",
            "a=ice-ufrag:abc|4–256 chars",
            "a=ice-pwd:short|22–256 chars",
            "a=ice-pwd:aaaaaaaaaaaaaaaaaaaaaa!|unexpected text",
            "a=ice-options:|missing ice-option-tag",
            "a=candidate:1 1 udp 1 1.2.3.4 5 typ|missing candidate type",
            "a=candidate:1 1 udp 1 1.2.3.4 5 type host|expected \"typ\"",
            "a=candidate:1 0 udp 1 1.2.3.4 5 typ host|outside 1..256",
            "a=candidate:1 1 udp 4294967296 1.2.3.4 5 typ host|outside 0..4294967295",
            "a=candidate:1 1 udp 1 1.2.3.4 65536 typ host|outside 0..65535",
            "a=candidate:1 1 udp 1 1.2.3.4 5 typ host generation|missing value of generation",
            "a=candidate:1 1 udp 1 1.2.3.4 5 typ host rport 1 raddr 1.2.3.4|raddr out of order",
            "a=candidate:1 1 udp 1 1.2.3.4 5 typ host raddr 0.0.0.0 rport x|rport is not a number",
            "a=candidate:1 1 udp 1|missing connection-address",
            "a=fingerprint:sha-256|missing fingerprint",
            "a=fingerprint:sha-256 AB:CD|sha-256 fingerprint must be 32 bytes, not 2",
            "a=fingerprint:sha-256 AB:CDE|colon-separated hex pairs",
            "a=fingerprint:sha-256 AB-CD|colon-separated hex pairs",
            "a=fingerprint:sha-256 GG:00|colon-separated hex pairs",
            "a=setup:sideways|role must be",
            "a=sctp-port:65536|outside 0..65535",
            "a=max-message-size:big|size is not a number",
            "a=n:ame:ok:but a=b(|",
    })
    void badAttributes(String line, String reason) {
        if (line.startsWith("a=n:ame")) {
            // a colon in the value is fine: this one is a valid unknown attribute
            assertThat(SessionDescription.parse(HEAD + AUDIO + line + "\r\n").media().get(0).unknownAttributes("n"))
                    .extracting(UnknownAttribute::value).containsExactly("ame:ok:but a=b(");
            return;
        }
        SdpParseException e = failure(HEAD + AUDIO + line + "\r\n");
        assertThat(e.lineNumber()).as(line).isEqualTo(6);
        assertThat(e.getMessage()).as(line).startsWith("line 6 \"" + line + "\"").contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|missing v=0 as line 1",
            "v=0|missing o=<origin> as line 2",
            "v=1~|only SDP version 0",
            "o=- 1 2 IN IP4 127.0.0.1~|expected v=0 as line 1",
            "v=0~o=- 1|missing sess-version",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~|missing s=<session name> as line 3",
            "v=0~o=- x 2 IN IP4 127.0.0.1~s=-~t=0 0~|bad sess-id",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~|missing t= line",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0~|missing stop-time",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~v=0~|may appear only once",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~x=1~|unknown line type 'x'",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~hello~|expected <type>=<value>",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~A=b~|unknown line type 'A'",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~~a=x~|empty line",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~a=x\ry~|CR without LF",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~b=AS~|expected ':'",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~c=IN IP4~|missing connection-address",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~m=audio 9 RTP/AVP 0~t=0 0~|session-level line inside",
            "v=0~o=- 1 2 IN IP4 127.0.0.1~s=-~t=0 0~m=audio 9 RTP/AVP 0~r=1 2 3~|session-level line inside",
    })
    void badStructure(String sdp, String reason) {
        assertThat(failure(sdp.replace("~", "\r\n")).getMessage()).contains(reason);
    }

    @Test
    void nulIsRejectedAndShownEscaped() {
        SdpParseException e = failure(HEAD + "a=x\0y\r\n");
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.getMessage()).contains("a=x\\x00y").contains("NUL at column 4");
    }

    @Test
    void trailingBlankLinesAreTolerated() {
        assertThat(SessionDescription.parse(HEAD + AUDIO + "\r\n\r\n\n").media()).hasSize(1);
    }

    @Test
    void limitsAreEnforcedBeforeParsing() {
        SdpParser small = new SdpParser(new SdpLimits(200, 6, 40));
        assertThat(small.parse(HEAD + AUDIO).media()).hasSize(1);
        assertThatThrownBy(() -> small.parse(HEAD + "a=" + "x".repeat(39) + "\r\n"))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("line 5")
                .hasMessageContaining("41 chars, more than the limit of 40");
        assertThatThrownBy(() -> small.parse(HEAD + "a=x\r\na=y\r\na=z\r\n"))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("more than 6 lines");
        assertThatThrownBy(() -> new SdpParser(new SdpLimits(100, 10, 3)).parse("v=0\r\no=- 1"))
                .isInstanceOf(SdpParseException.class).hasMessageStartingWith("line 2 \"o=- 1\": line is 5 chars");
        assertThatThrownBy(() -> small.parse(HEAD + "a=xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n".repeat(5)))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("more than the limit of 200");
    }

    @Test
    void hugeLineWithDefaultLimits() {
        String huge = HEAD + "a=candidate:" + "1".repeat(1 << 20) + "\r\n";
        assertThatThrownBy(() -> SessionDescription.parse(huge)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining("more than the limit of 262144");
        String longLine = HEAD + "a=x:" + "y".repeat(5000) + "\r\n";
        SdpParseException e = failure(longLine);
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.getMessage()).hasSizeLessThan(200).contains("more than the limit of 4096");
    }

    @ParameterizedTest
    @ValueSource(strings = {CapturedSdp.PUBLISHER_OFFER, CapturedSdp.PUBLISHER_OFFER_GATHERED})
    void everyTruncationEitherParsesOrFailsCleanly(String name) {
        String text = CapturedSdp.text(name);
        int failures = 0;
        for (int cut = 0; cut < text.length(); cut += 29) {
            String prefix = text.substring(0, cut);
            try {
                SessionDescription sd = SessionDescription.parse(prefix);
                assertThat(SessionDescription.parse(sd.toSdp())).isEqualTo(sd);
            } catch (SdpParseException e) {
                failures++;
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(failures).as("most cuts land inside a line whose grammar then fails").isPositive();
    }

    @Test
    void truncatedFingerprintNamesItsLine() {
        String text = CapturedSdp.text(CapturedSdp.DATA_CHANNEL_OFFER);
        int cut = text.indexOf("a=fingerprint") + 40;
        SdpParseException e = failure(text.substring(0, cut));
        assertThat(e.lineNumber()).isEqualTo(13);
        assertThat(e.reason()).contains("fingerprint");
    }

    @Test
    void lineNumbersCountLfOnlyAndCrlfLinesAlike() {
        SdpParseException e = failure("v=0\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\nt=0 0\r\n" + AUDIO + "a=mid:\n");
        assertThat(e.lineNumber()).isEqualTo(6);
    }

    @Test
    void unknownAttributesAndFreeFormLinesSurviveVerbatim() {
        String sdp = "v=0\r\no=alice 0123 7 IN IP6 ::1\r\ns= \r\ni=info text\r\nu=http://x\r\ne=a@b\r\np=+1\r\n"
                + "t=0 0\r\nr=7d 1h 0 25h\r\nz=1 -1h\r\nb=AS:512\r\na=custom\r\na=other: spaced  value \r\n"
                + "m=video 9 RTP/AVP 96\r\ni=video\r\nc=IN IP4 224.2.1.1/127/3\r\nb=TIAS:64000\r\nk=prompt\r\n"
                + "a=fmtp:webrtc-datachannel max-message-size=1\r\n";
        SessionDescription sd = SessionDescription.parse(sdp);
        assertThat(sd.toSdp()).isEqualTo(sdp.replace("o=alice 0123", "o=alice 123"));
        assertThat(sd.attribute(Bandwidth.class)).contains(new Bandwidth("AS", 512));
        assertThat(sd.media().get(0).attribute(ConnectionData.class).orElseThrow().address())
                .isEqualTo("224.2.1.1/127/3");
        assertThat(sd.media().get(0).unknownAttributes("fmtp")).hasSize(1);
        assertThat(sd.unknownAttributes("other")).extracting(UnknownAttribute::value)
                .containsExactly(" spaced  value ");
    }

    @Test
    void modelInvariantsRejectWhatCouldNotBeWritten() {
        assertThatThrownBy(() -> new UnknownAttribute("x", "a\r\nm=audio 1 RTP/AVP 0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdpField('i', "x\ny")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdpField('a', "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaDescription(new MediaLine(MediaType.AUDIO, 9, 0, "RTP/AVP", List.of("0")),
                List.of(Timing.UNBOUNDED))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionDescription(Origin.of(1, 1), "-", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t= line");
    }
}
