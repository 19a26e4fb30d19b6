package dev.osprey.signaling.sdp;

import java.util.function.Function;

/**
 * Turns the text after {@code a=} into the attribute's class (RFC 8866 §5.13: {@code <name>} or
 * {@code <name>:<value>}, the name a token). Known attributes are parsed strictly; unknown ones are kept verbatim.
 */
final class AttributeParser {

    private AttributeParser() {
    }

    static SdpAttribute parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? null : text.substring(colon + 1);
        if (!SdpScanner.isToken(name)) {
            throw new SdpParseException("attribute name \"" + name + "\" is not a token"
                    + (colon < 0 && name.indexOf(' ') > 0 ? " (missing ':' after the name?)" : ""));
        }
        Flag flag = Flag.byName(name);
        Direction direction = Direction.byName(name);
        if (flag != null || direction != null) {
            if (value != null) {
                throw new SdpParseException("a=" + name + " takes no value");
            }
            return flag != null ? flag : direction;
        }
        Function<String, SdpAttribute> parser = valueParser(name, value);
        if (parser == null) {
            return new UnknownAttribute(name, value);
        }
        if (value == null) {
            throw new SdpParseException("a=" + name + " needs a value (\"a=" + name + ":...\")");
        }
        return parser.apply(value);
    }

    private static Function<String, SdpAttribute> valueParser(String name, String value) {
        return switch (name) {
            case RtpMap.NAME -> RtpMap::parse;
            case Fmtp.NAME -> isNumericFormat(value) ? Fmtp::parse : null;
            case RtcpFb.NAME -> RtcpFb::parse;
            case ExtMap.NAME -> ExtMap::parse;
            case Mid.NAME -> Mid::parse;
            case Msid.NAME -> Msid::parse;
            case Ssrc.NAME -> Ssrc::parse;
            case SsrcGroup.NAME -> SsrcGroup::parse;
            case Rid.NAME -> Rid::parse;
            case Simulcast.NAME -> Simulcast::parse;
            case Group.NAME -> Group::parse;
            case IceUfrag.NAME -> IceUfrag::parse;
            case IcePwd.NAME -> IcePwd::parse;
            case IceOptions.NAME -> IceOptions::parse;
            case Candidate.NAME -> Candidate::parse;
            case Fingerprint.NAME -> Fingerprint::parse;
            case Setup.NAME -> Setup::parse;
            case SctpPort.NAME -> SctpPort::parse;
            case MaxMessageSize.NAME -> MaxMessageSize::parse;
            default -> null;
        };
    }

    /**
     * {@code a=fmtp} of a non-RTP fmt (old data channel drafts wrote {@code a=fmtp:webrtc-datachannel ...}) has
     * no payload type; it is kept verbatim rather than failing the whole description.
     */
    private static boolean isNumericFormat(String value) {
        if (value == null) {
            return true;
        }
        int end = value.indexOf(' ');
        String format = end < 0 ? value : value.substring(0, end);
        return !format.isEmpty() && SdpScanner.all(format, SdpScanner::isDigit);
    }
}
