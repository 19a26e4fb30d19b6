package dev.osprey.sctp;

import dev.osprey.sctp.StateCookie.Opened;
import dev.osprey.sctp.chunk.ChunkType;
import dev.osprey.sctp.chunk.CookieEchoChunk;
import dev.osprey.sctp.chunk.ErrorCause;
import dev.osprey.sctp.chunk.InitChunk;
import dev.osprey.sctp.chunk.OpaqueValue;
import dev.osprey.sctp.chunk.Parameter;
import dev.osprey.sctp.chunk.ParameterType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Association setup (RFC 9260 §5.1, §5.2): our INIT, the stateless INIT ACK with a signed State Cookie, the COOKIE
 * ECHO and its checks (MAC, lifetime, tags), including both sides opening at once as WebRTC peers do (§5.2.1,
 * §5.2.4 case B/D). A restart of an established association (case A) is refused.
 */
final class Handshake {

    /** What to do with a COOKIE ECHO. */
    enum CookieAction { ESTABLISH, ACK_ONLY, DISCARD }

    /** The outcome of a COOKIE ECHO. */
    record CookieResult(CookieAction action, AssociationParameters parameters, ErrorCause error) {
    }

    /** The outcome of an INIT: the INIT ACK to send, or null with the reason in the counters. */
    record InitAnswer(InitChunk initAck, long packetTag) {
    }

    private final SctpEndpoint endpoint;
    private final SctpSettings settings;
    private final SctpScheduler scheduler;
    private long localTag;
    private long localInitialTsn;
    private InitChunk sentInit;
    private CookieEchoChunk sentCookieEcho;

    Handshake(SctpEndpoint endpoint, SctpScheduler scheduler) {
        this.endpoint = endpoint;
        this.settings = endpoint.settings();
        this.scheduler = scheduler;
    }

    /** §5.1 A: our INIT, with fresh tag and initial TSN. */
    InitChunk init() {
        localTag = endpoint.nextNonZeroTag();
        localInitialTsn = endpoint.nextNonZeroTag();
        sentInit = new InitChunk(false, localTag, settings.receiveBufferBytes(), settings.maxOutboundStreams(),
                settings.maxInboundStreams(), localInitialTsn, extensionParameters());
        return sentInit;
    }

    InitChunk sentInit() {
        return sentInit;
    }

    CookieEchoChunk sentCookieEcho() {
        return sentCookieEcho;
    }

    long localTag() {
        return localTag;
    }

    /**
     * RFC 3758 §3.1 and RFC 5061 §4.2.7: we do FORWARD TSN and RE-CONFIG (RFC 6525 §3.1), and I-DATA with
     * I-FORWARD-TSN (RFC 8260 §2.2) when interleaving is enabled.
     */
    private List<Parameter> extensionParameters() {
        byte[] types = settings.interleaving()
                ? new byte[]{(byte) ChunkType.RE_CONFIG.code(), (byte) ChunkType.FORWARD_TSN.code(),
                        (byte) ChunkType.I_DATA.code(), (byte) ChunkType.I_FORWARD_TSN.code()}
                : new byte[]{(byte) ChunkType.RE_CONFIG.code(), (byte) ChunkType.FORWARD_TSN.code()};
        return List.of(new Parameter(ParameterType.SUPPORTED_EXTENSIONS, OpaqueValue.of(types)),
                new Parameter(ParameterType.FORWARD_TSN_SUPPORTED, OpaqueValue.EMPTY));
    }

    /** Mandatory INIT / INIT ACK fields (§3.3.2): a zero tag or zero stream count is invalid. */
    static boolean valid(InitChunk init) {
        return init.initiateTag() != 0 && init.outboundStreams() != 0 && init.inboundStreams() != 0;
    }

    /**
     * §5.1 B, §5.2.1, §5.2.2: answers an INIT. In CLOSED we invent a tag we do not keep; while our own INIT is
     * pending we answer with its tag and TSN; when established we answer with new ones and the current tags as
     * tie-tags.
     */
    InitAnswer answer(InitChunk init, AssociationState state, AssociationParameters established) {
        long tag;
        long tsn;
        long tieLocal = 0;
        long tiePeer = 0;
        if (state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED) {
            tag = localTag;
            tsn = localInitialTsn;
        } else {
            tag = endpoint.nextNonZeroTag();
            tsn = endpoint.nextNonZeroTag();
            if (established != null) {
                tieLocal = established.localTag();
                tiePeer = established.peerTag();
            }
        }
        PeerFeatures features = PeerFeatures.of(init);
        StateCookie cookie = new StateCookie(tag, init.initiateTag(), tsn, init.initialTsn(),
                init.advertisedWindow(), Math.min(settings.maxOutboundStreams(), init.inboundStreams()),
                Math.min(settings.maxInboundStreams(), init.outboundStreams()), features.forwardTsn(),
                features.reconfig(), settings.interleaving() && features.iData(), tieLocal, tiePeer,
                scheduler.nanoTime());
        List<Parameter> params = new ArrayList<>(extensionParameters());
        params.add(new Parameter(ParameterType.STATE_COOKIE, cookie.seal(endpoint.cookieSecret())));
        for (Parameter unrecognized : features.unrecognized()) {
            params.add(new Parameter(ParameterType.UNRECOGNIZED_PARAMETER, encode(unrecognized)));
        }
        return new InitAnswer(new InitChunk(true, tag, settings.receiveBufferBytes(), settings.maxOutboundStreams(),
                settings.maxInboundStreams(), tsn, params), init.initiateTag());
    }

    private static OpaqueValue encode(Parameter p) {
        ByteBuffer b = ByteBuffer.allocate(p.length());
        b.putShort((short) p.type()).putShort((short) p.length()).put(p.value().toByteArray());
        return OpaqueValue.of(b.array());
    }

    /** §5.1 C: the INIT ACK to our INIT; returns the agreed parameters and arms the COOKIE ECHO. */
    AssociationParameters onInitAck(InitChunk initAck) {
        OpaqueValue cookie = initAck.stateCookie().orElseThrow();
        sentCookieEcho = new CookieEchoChunk(cookie);
        PeerFeatures features = PeerFeatures.of(initAck);
        return new AssociationParameters(localTag, initAck.initiateTag(), localInitialTsn, initAck.initialTsn(),
                initAck.advertisedWindow(), Math.min(settings.maxOutboundStreams(), initAck.inboundStreams()),
                Math.min(settings.maxInboundStreams(), initAck.outboundStreams()), features.forwardTsn(),
                features.reconfig(), settings.interleaving() && features.iData());
    }

    /** §5.1.5 and §5.2.4: checks a COOKIE ECHO that arrived with {@code packetTag}. */
    CookieResult onCookieEcho(CookieEchoChunk echo, long packetTag, AssociationState state,
                              AssociationParameters established, SctpCounters counters) {
        Opened opened = StateCookie.open(echo.cookie(), endpoint.cookieSecret(), scheduler.nanoTime(),
                settings.cookieLifetimeMillis() * 1_000_000);
        if (opened.verdict() == StateCookie.Verdict.INVALID) {
            counters.increment(SctpCounter.COOKIE_INVALID);
            return new CookieResult(CookieAction.DISCARD, null, null);
        }
        StateCookie cookie = opened.cookie();
        if (cookie.localTag() != packetTag) {
            counters.increment(SctpCounter.BAD_VERIFICATION_TAG);
            return new CookieResult(CookieAction.DISCARD, null, null);
        }
        if (opened.verdict() == StateCookie.Verdict.EXPIRED) {
            counters.increment(SctpCounter.COOKIE_EXPIRED);
            long staleMicros = Math.max(0, (opened.ageNanos() - settings.cookieLifetimeMillis() * 1_000_000) / 1000);
            byte[] staleness = ByteBuffer.allocate(4).putInt((int) Math.min(0xFFFFFFFFL, staleMicros)).array();
            return new CookieResult(CookieAction.DISCARD, null,
                    new ErrorCause(ErrorCause.STALE_COOKIE, OpaqueValue.of(staleness)));
        }
        return decide(cookie, state, established, counters);
    }

    private CookieResult decide(StateCookie cookie, AssociationState state, AssociationParameters established,
                                SctpCounters counters) {
        AssociationParameters params = AssociationParameters.of(cookie);
        return switch (state) {
            case CLOSED -> new CookieResult(CookieAction.ESTABLISH, params, null);
            // §5.2.4 B and D: our own INIT crossed theirs; our tag in the cookie is the one we are using
            case COOKIE_WAIT, COOKIE_ECHOED -> cookie.localTag() == localTag
                    ? new CookieResult(CookieAction.ESTABLISH, params, null)
                    : discard(counters);
            default -> established != null && cookie.localTag() == established.localTag()
                    && cookie.peerTag() == established.peerTag()
                    ? new CookieResult(CookieAction.ACK_ONLY, null, null) // §5.2.4 D: a repeated COOKIE ECHO
                    : discard(counters); // §5.2.4 A (restart) and C: not supported / stale
        };
    }

    private static CookieResult discard(SctpCounters counters) {
        counters.increment(SctpCounter.UNEXPECTED_CHUNK);
        return new CookieResult(CookieAction.DISCARD, null, null);
    }

    /** Extensions and unrecognized parameters of an INIT or INIT ACK, per the high bits of §3.2.1. */
    record PeerFeatures(boolean forwardTsn, boolean reconfig, boolean iData, List<Parameter> unrecognized) {
        static PeerFeatures of(InitChunk init) {
            boolean forwardTsn = false;
            boolean reconfig = false;
            boolean iData = false;
            List<Parameter> unrecognized = new ArrayList<>();
            for (Parameter p : init.parameters()) {
                switch (p.type()) {
                    case ParameterType.FORWARD_TSN_SUPPORTED -> forwardTsn = true;
                    case ParameterType.SUPPORTED_EXTENSIONS -> {
                        InitChunk only = new InitChunk(init.ack(), 1, 0, 1, 1, 0, List.of(p));
                        forwardTsn |= only.supportsExtension(ChunkType.FORWARD_TSN);
                        reconfig |= only.supportsExtension(ChunkType.RE_CONFIG);
                        iData |= only.supportsExtension(ChunkType.I_DATA);
                    }
                    case ParameterType.STATE_COOKIE, ParameterType.IPV4_ADDRESS, ParameterType.IPV6_ADDRESS,
                         ParameterType.COOKIE_PRESERVATIVE, ParameterType.SUPPORTED_ADDRESS_TYPES,
                         ParameterType.UNRECOGNIZED_PARAMETER, ParameterType.ECN_CAPABLE -> { }
                    default -> {
                        if (p.action().reports() && unrecognized.size() < 8) {
                            unrecognized.add(p);
                        }
                        if (p.action().stops()) {
                            return new PeerFeatures(forwardTsn, reconfig, iData, unrecognized);
                        }
                    }
                }
            }
            return new PeerFeatures(forwardTsn, reconfig, iData, unrecognized);
        }
    }
}
