package dev.osprey.signaling.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
 * [raddr <address>] [rport <port>] *(<name> <value>)} (RFC 8839 §5.1), also the {@code candidate} string of a
 * trickled {@code RTCIceCandidateInit} (RFC 8840 §4.1). Extensions are kept in order: {@code tcptype} (RFC 6544
 * §4.5) and the ones browsers add ({@code generation}, {@code ufrag}, {@code network-id}, {@code network-cost}).
 *
 * @param transport      {@code udp}/{@code tcp} as written (browsers differ in case)
 * @param priority       32-bit priority (RFC 8445 §5.1.2)
 * @param address        IP literal or FQDN (mDNS {@code .local} names included), never resolved here
 * @param relatedAddress {@code raddr}, or {@code null}
 * @param relatedPort    {@code rport}, or {@link #NO_PORT}
 */
public record Candidate(String foundation, int component, String transport, long priority, String address,
                        int port, CandidateType type, String relatedAddress, int relatedPort,
                        List<Extension> extensions) implements SdpAttribute {

    public static final String NAME = "candidate";
    public static final int NO_PORT = -1;
    public static final String TCPTYPE = "tcptype";

    /** One extension-att-name / extension-att-value pair. */
    public record Extension(String name, String value) {

        public Extension {
            Checks.token(name, "candidate extension name");
            if (name.equals("raddr") || name.equals("rport")) {
                throw new IllegalArgumentException("raddr and rport are candidate fields, not extensions");
            }
            if (!SdpScanner.all(value, Candidate::isVisible)) {
                throw new IllegalArgumentException("candidate extension " + name + " needs a visible value");
            }
        }
    }

    public Candidate {
        IcePwd.checkIceChars(foundation, 1, 32, "candidate foundation");
        Checks.range(component, 1, 256, "candidate component");
        Checks.token(transport, "candidate transport");
        Checks.range(priority, 0, 0xFFFF_FFFFL, "candidate priority");
        checkAddress(address, "candidate address");
        Checks.range(port, 0, 65535, "candidate port");
        Objects.requireNonNull(type, "type");
        if (relatedAddress != null) {
            checkAddress(relatedAddress, "candidate raddr");
        }
        Checks.range(relatedPort, NO_PORT, 65535, "candidate rport");
        extensions = List.copyOf(extensions);
    }

    /** A candidate without related address or extensions. */
    public static Candidate of(String foundation, int component, String transport, long priority, String address,
                               int port, CandidateType type) {
        return new Candidate(foundation, component, transport, priority, address, port, type, null, NO_PORT,
                List.of());
    }

    /** Parses the attribute value (after {@code "candidate:"}). */
    public static Candidate parse(String value) {
        SdpScanner s = new SdpScanner(value, "a=candidate");
        String foundation = s.run(IcePwd::isIceChar, "foundation");
        s.spaces("component-id");
        int component = s.integer(1, 256, "component-id");
        s.spaces("transport");
        String transport = s.token("transport");
        s.spaces("priority");
        long priority = s.number(0, 0xFFFF_FFFFL, "priority");
        s.spaces("connection-address");
        String address = s.run(Candidate::isVisible, "connection-address");
        s.spaces("port");
        int port = s.integer(0, 65535, "port");
        s.spaces("typ");
        if (!s.word("typ").equals("typ")) {
            throw s.fail("expected \"typ\"");
        }
        s.spaces("candidate type");
        CandidateType type = CandidateType.valueOf(s.token("candidate type"));
        return Checks.parsed("a=candidate", () -> withTail(s, foundation, component, transport, priority, address,
                port, type));
    }

    /**
     * Parses a trickled candidate string: {@code candidate:...} as in {@code RTCIceCandidateInit.candidate}, also
     * accepting a leading {@code a=}. The empty string browsers trickle to signal the end of candidates
     * (RFC 8840 §4.4) is not a candidate and is refused like any other malformed text; callers test for it first.
     */
    public static Candidate fromTrickle(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        String text = candidate.startsWith("a=") ? candidate.substring(2) : candidate;
        if (!text.startsWith(NAME + ':')) {
            throw new SdpParseException("trickled candidate must start with \"candidate:\"");
        }
        return parse(text.substring(NAME.length() + 1));
    }

    /** The trickle form, {@code candidate:...}. */
    public String toTrickle() {
        return lineValue();
    }

    /** The value of the first extension called {@code name}. */
    public Optional<String> extension(String name) {
        return extensions.stream().filter(e -> e.name.equals(name)).map(Extension::value).findFirst();
    }

    /** The ICE-TCP role, when {@code tcptype} is present and known. */
    public Optional<TcpType> tcpType() {
        return extension(TCPTYPE).map(TcpType::byToken);
    }

    /** A copy with one more extension at the end. */
    public Candidate withExtension(String name, String value) {
        List<Extension> list = new ArrayList<>(extensions);
        list.add(new Extension(name, value));
        return new Candidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, list);
    }

    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }

    public boolean isTcp() {
        return transport.equalsIgnoreCase("tcp");
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder out = new StringBuilder(96).append(foundation).append(' ').append(component).append(' ')
                .append(transport).append(' ').append(priority).append(' ').append(address).append(' ')
                .append(port).append(" typ ").append(type.token());
        if (relatedAddress != null) {
            out.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort != NO_PORT) {
            out.append(" rport ").append(relatedPort);
        }
        extensions.forEach(e -> out.append(' ').append(e.name).append(' ').append(e.value));
        return out.toString();
    }

    private static Candidate withTail(SdpScanner s, String foundation, int component, String transport,
                                      long priority, String address, int port, CandidateType type) {
        String relatedAddress = null;
        int relatedPort = NO_PORT;
        List<Extension> extensions = new ArrayList<>();
        while (s.trySpaces() && !s.atEnd()) {
            String name = s.token("extension name");
            s.spaces("value of " + name);
            boolean related = name.equals("raddr") || name.equals("rport");
            if (related && (!extensions.isEmpty() || relatedPort != NO_PORT
                    || (name.equals("raddr") && relatedAddress != null))) {
                throw s.fail(name + " out of order (raddr, then rport, then extensions)");
            }
            if (name.equals("raddr")) {
                relatedAddress = s.run(Candidate::isVisible, "raddr");
            } else if (name.equals("rport")) {
                relatedPort = s.integer(0, 65535, "rport");
            } else {
                extensions.add(new Extension(name, s.run(Candidate::isVisible, "value of " + name)));
            }
        }
        s.end();
        return new Candidate(foundation, component, transport, priority, address, port, type, relatedAddress,
                relatedPort, extensions);
    }

    private static boolean isVisible(int c) {
        return c > 0x20 && c < 0x7F;
    }

    private static void checkAddress(String address, String what) {
        if (!SdpScanner.all(address, Candidate::isVisible)) {
            throw new IllegalArgumentException(what + " must be a visible ASCII word");
        }
    }
}
