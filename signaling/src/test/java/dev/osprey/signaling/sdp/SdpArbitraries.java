package dev.osprey.signaling.sdp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Set;

/** Generators of valid attribute values for the round-trip properties. */
final class SdpArbitraries {

    private static final String TOKEN_CHARS = "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~";
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String RID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Set<String> KNOWN_NAMES = Set.of("rtpmap", "fmtp", "rtcp-fb", "extmap", "mid", "msid",
            "ssrc", "ssrc-group", "rid", "simulcast", "group", "ice-ufrag", "ice-pwd", "ice-options", "candidate",
            "fingerprint", "setup", "sctp-port", "max-message-size", "rtcp-mux", "rtcp-mux-only", "rtcp-rsize",
            "ice-lite", "end-of-candidates", "extmap-allow-mixed", "bundle-only", "sendrecv", "sendonly", "recvonly",
            "inactive");

    private SdpArbitraries() {
    }

    static Arbitrary<String> chars(String alphabet, int min, int max) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<String> token() {
        return chars(TOKEN_CHARS, 1, 12);
    }

    /** Visible ASCII words joined by single spaces: a free-text tail without outer spaces. */
    static Arbitrary<String> words(String alphabet) {
        return chars(alphabet, 1, 8).list().ofMinSize(1).ofMaxSize(3).map(w -> String.join(" ", w));
    }

    static Arbitrary<String> visible(int min, int max) {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<Integer> payloadType() {
        return Arbitraries.integers().between(0, 127);
    }

    static Arbitrary<Long> ssrc() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<RtpMap> rtpMap() {
        return Combinators.combine(payloadType(), token().filter(t -> !t.contains("/")),
                Arbitraries.longs().between(1, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 255))
                .as(RtpMap::new);
    }

    static Arbitrary<FormatParameters> formatParameters() {
        Arbitrary<String> name = chars("abcdefghijklmnopqrstuvwxyz0123456789-/", 1, 10);
        Arbitrary<String> value = chars("abcdefghijklmnopqrstuvwxyzABCDEF0123456789-,./=+ ", 0, 12)
                .filter(v -> v.strip().equals(v)).injectNull(0.2);
        return Combinators.combine(name, value).as(FormatParameters.Parameter::new).list().ofMaxSize(4)
                .map(FormatParameters::new);
    }

    static Arbitrary<Fmtp> fmtp() {
        return Combinators.combine(payloadType(), formatParameters()).as(Fmtp::new);
    }

    static Arbitrary<RtcpFb> rtcpFb() {
        return Combinators.combine(Arbitraries.integers().between(RtcpFb.WILDCARD, 127), token(),
                words(TOKEN_CHARS + "=").injectNull(0.4)).as(RtcpFb::new);
    }

    static Arbitrary<ExtMap> extMap() {
        Arbitrary<Integer> id = Arbitraries.oneOf(Arbitraries.integers().between(1, 255),
                Arbitraries.integers().between(4096, 4351));
        return Combinators.combine(id, Arbitraries.of(Direction.class).injectNull(0.5), visible(1, 60),
                words(TOKEN_CHARS).injectNull(0.7)).as(ExtMap::new);
    }

    static Arbitrary<Msid> msid() {
        return Combinators.combine(chars(TOKEN_CHARS, 1, 70), token().injectNull(0.2)).as(Msid::new);
    }

    static Arbitrary<Ssrc> ssrcAttribute() {
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).injectNull(0.2);
        return Combinators.combine(ssrc(), token(), value).as(Ssrc::new);
    }

    static Arbitrary<SsrcGroup> ssrcGroup() {
        return Combinators.combine(token(), ssrc().list().ofMaxSize(4)).as(SsrcGroup::new);
    }

    static Arbitrary<Rid> rid() {
        Arbitrary<Rid.Restriction> restriction = Combinators.combine(
                chars("abcdefghijklmnopqrstuvwxyz0123456789-", 1, 10).filter(n -> !n.equals("pt")),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(10).filter(v -> v.indexOf(';') < 0)
                        .injectNull(0.2)).as(Rid.Restriction::new);
        return Combinators.combine(chars(RID_CHARS, 1, 8), Arbitraries.of(StreamDirection.class),
                payloadType().list().ofMaxSize(3), restriction.list().ofMaxSize(3)).as(Rid::new);
    }

    static Arbitrary<Simulcast> simulcast() {
        Arbitrary<Simulcast.Layer> layer = Combinators.combine(chars(RID_CHARS, 1, 6), Arbitraries.of(true, false))
                .as(Simulcast.Alternative::new).list().ofMinSize(1).ofMaxSize(3).map(Simulcast.Layer::new);
        return Combinators.combine(layer.list().ofMaxSize(4), layer.list().ofMaxSize(4))
                .as(Simulcast::new).ignoreException(IllegalArgumentException.class);
    }

    static Arbitrary<Group> group() {
        return Combinators.combine(token(), token().list().ofMaxSize(6)).as(Group::new);
    }

    static Arbitrary<Candidate> candidate() {
        Arbitrary<Candidate.Extension> extension = Combinators.combine(
                token().filter(n -> !n.equals("raddr") && !n.equals("rport")), visible(1, 12))
                .as(Candidate.Extension::new);
        Arbitrary<String> address = Arbitraries.oneOf(Arbitraries.of("192.0.2.1", "::1", "fd00::2",
                "2001:db8::1", "1f0c3c2e-5b7a-4d3e-9a3f-1e2d3c4b5a69.local"), visible(1, 40));
        Arbitrary<Candidate> base = Combinators.combine(chars(ICE_CHARS, 1, 32), Arbitraries.integers().between(1, 256),
                Arbitraries.of("udp", "UDP", "tcp", "ssltcp"), Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                address, Arbitraries.integers().between(0, 65535),
                Arbitraries.of("host", "srflx", "prflx", "relay", "x-new").map(CandidateType::valueOf),
                address.injectNull(0.6)).as((f, c, t, p, a, port, type, raddr) ->
                new Candidate(f, c, t, p, a, port, type, raddr, Candidate.NO_PORT, List.of()));
        return Combinators.combine(base, Arbitraries.integers().between(Candidate.NO_PORT, 65535),
                extension.list().ofMaxSize(4)).as((c, rport, ext) -> new Candidate(c.foundation(), c.component(),
                c.transport(), c.priority(), c.address(), c.port(), c.type(), c.relatedAddress(), rport, ext));
    }

    static Arbitrary<Fingerprint> fingerprint() {
        Arbitrary<Fingerprint> known = Arbitraries.of(HashFunction.SHA_1, HashFunction.SHA_256, HashFunction.SHA_384,
                HashFunction.SHA_512, HashFunction.MD5).flatMap(h -> Arbitraries.bytes().array(byte[].class)
                .ofSize(h.digestLength()).map(d -> new Fingerprint(h, d)));
        Arbitrary<Fingerprint> other = Combinators.combine(chars("abcdefghijklmnopqrstuvwxyz", 6, 10)
                        .map(HashFunction::valueOf), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
                .as(Fingerprint::new);
        return Arbitraries.oneOf(known, other);
    }

    static Arbitrary<UnknownAttribute> unknown() {
        return Combinators.combine(token().filter(n -> !KNOWN_NAMES.contains(n)),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).injectNull(0.3))
                .as(UnknownAttribute::new);
    }

    /** Any attribute class, for the whole-description property. */
    static Arbitrary<SdpAttribute> attribute() {
        List<Arbitrary<? extends SdpAttribute>> all = List.of(rtpMap(), fmtp(), rtcpFb(), extMap(), token().map(Mid::new), msid(),
                ssrcAttribute(), ssrcGroup(), rid(), simulcast(), group(),
                chars(ICE_CHARS, 4, 40).map(IceUfrag::new), chars(ICE_CHARS, 22, 60).map(IcePwd::new),
                chars(ICE_CHARS, 1, 10).list().ofMinSize(1).ofMaxSize(3).map(IceOptions::new), candidate(),
                fingerprint(), Arbitraries.of(Setup.class), Arbitraries.of(Direction.class), Arbitraries.of(Flag.class),
                Arbitraries.integers().between(0, 65535).map(SctpPort::new),
                Arbitraries.longs().between(0, SdpScanner.MAX_NUMBER).map(MaxMessageSize::new), unknown());
        return Arbitraries.oneOf(all);
    }
}
