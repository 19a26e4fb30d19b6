package dev.osprey.media.transport;

import dev.osprey.media.forward.EgressSink;
import io.netty.buffer.ByteBuf;

/** The media side of a {@link PeerTransport}: where decrypted packets go, and who learns that sending can start. */
public interface MediaPort {
    /** One decrypted RTP packet; takes ownership. On the transport's loop. */
    void onRtp(ByteBuf packet, long arrivalNanos);

    /** One decrypted RTCP compound; takes ownership. On the transport's loop. */
    void onRtcp(ByteBuf packet, long arrivalNanos);

    /** DTLS-SRTP is up: packets sent to {@code sink} are encrypted and go out. On the transport's loop. */
    void connected(EgressSink sink);
}
