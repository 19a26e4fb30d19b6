package dev.osprey.turn.metrics;

/** Why a packet was dropped without any answer (indications and data are never answered, RFC 8656 §10, §12). */
public enum DropReason {
    /** Neither STUN nor a complete ChannelData message, or a STUN message that does not decode. */
    MALFORMED("malformed"),
    /** ChannelData, a Send indication or a STUN message other than Allocate/Binding on a 5-tuple without allocation. */
    NO_ALLOCATION("no_allocation"),
    /** ChannelData on a channel number that is not bound (RFC 8656 §12.6). */
    UNBOUND_CHANNEL("unbound_channel"),
    /** Data to or from a peer without a permission (RFC 8656 §10.2, §10.3). */
    NO_PERMISSION("no_permission"),
    /** A Send indication without XOR-PEER-ADDRESS or DATA, or with an unknown comprehension-required attribute. */
    BAD_INDICATION("bad_indication"),
    /** The allocation's bandwidth cap is used up for this second. */
    BANDWIDTH("bandwidth"),
    /** The outgoing socket's buffer is full: dropping beats queueing without bound. */
    BACKPRESSURE("backpressure"),
    /** A STUN message class the server does not take here (responses, or a method it does not implement). */
    UNEXPECTED("unexpected");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
