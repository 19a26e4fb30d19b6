package dev.osprey.signaling.sdp;

/**
 * An {@code a=} line (RFC 8866 §5.13): a property attribute {@code a=<name>} or a value attribute
 * {@code a=<name>:<value>}. Each WebRTC attribute has its own class; anything else is kept as an
 * {@link UnknownAttribute}, verbatim.
 */
public sealed interface SdpAttribute extends SdpLine
        permits RtpMap, Fmtp, RtcpFb, ExtMap, Mid, Msid, Ssrc, SsrcGroup, Rid, Simulcast, Group, IceUfrag, IcePwd,
        IceOptions, Candidate, Fingerprint, Setup, Direction, SctpPort, MaxMessageSize, Flag, UnknownAttribute {

    /** The att-field, e.g. {@code rtpmap}. */
    String attributeName();

    /** The att-value, or {@code null} for a property attribute. */
    String attributeValue();

    @Override
    default char lineType() {
        return 'a';
    }

    @Override
    default String lineValue() {
        String value = attributeValue();
        return value == null ? attributeName() : attributeName() + ':' + value;
    }
}
