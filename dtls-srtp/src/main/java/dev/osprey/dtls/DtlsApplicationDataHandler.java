package dev.osprey.dtls;

import io.netty.buffer.ByteBuf;

/**
 * Receives the application data of an established DTLS association: SCTP packets of WebRTC data channels
 * (RFC 8261 §3). Implemented by the sctp module.
 */
@FunctionalInterface
public interface DtlsApplicationDataHandler {

    /**
     * One decrypted DTLS application_data record, on the endpoint's event loop. The buffer is valid during the call
     * only: retain it to keep it.
     */
    void onApplicationData(ByteBuf data);
}
