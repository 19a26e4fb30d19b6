package dev.osprey.signaling.sdp;

/** The property attributes (no value) WebRTC uses; each constant cites its RFC. */
public enum Flag implements SdpAttribute {
    /** RTP and RTCP share one port (RFC 5761 §5.1.1). */
    RTCP_MUX("rtcp-mux"),
    /** Only muxed RTCP is acceptable (RFC 8858 §3). */
    RTCP_MUX_ONLY("rtcp-mux-only"),
    /** Reduced-size RTCP is acceptable (RFC 5506 §5). */
    RTCP_RSIZE("rtcp-rsize"),
    /** The endpoint is an ICE-lite agent (RFC 8839 §5.3), session level. */
    ICE_LITE("ice-lite"),
    /** No more candidates will follow (RFC 8840 §8.2). */
    END_OF_CANDIDATES("end-of-candidates"),
    /** One- and two-byte RTP header extensions may be mixed in a stream (RFC 8285 §6). */
    EXTMAP_ALLOW_MIXED("extmap-allow-mixed"),
    /** The section is accepted only if bundled (RFC 8843 §6). */
    BUNDLE_ONLY("bundle-only");

    private final String attributeName;

    Flag(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The flag called {@code name}, or {@code null}. */
    public static Flag byName(String name) {
        for (Flag f : values()) {
            if (f.attributeName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String attributeName() {
        return attributeName;
    }

    @Override
    public String attributeValue() {
        return null;
    }
}
