package dev.osprey.sctp;

/**
 * What both INITs agreed on (RFC 9260 §5.1): the tags each side must carry, the initial TSNs, the stream counts
 * (each direction the smaller of what one side offers and the other accepts) and the peer's extensions;
 * {@code interleaving}: both offered I-DATA (RFC 8260), so I-DATA and I-FORWARD-TSN replace DATA and FORWARD TSN.
 */
record AssociationParameters(long localTag, long peerTag, long localInitialTsn, long peerInitialTsn,
                             long peerWindow, int outboundStreams, int inboundStreams, boolean peerForwardTsn,
                             boolean peerReconfig, boolean interleaving) {

    static AssociationParameters of(StateCookie cookie) {
        return new AssociationParameters(cookie.localTag(), cookie.peerTag(), cookie.localInitialTsn(),
                cookie.peerInitialTsn(), cookie.peerWindow(), cookie.outboundStreams(), cookie.inboundStreams(),
                cookie.peerForwardTsn(), cookie.peerReconfig(), cookie.interleaving());
    }
}
