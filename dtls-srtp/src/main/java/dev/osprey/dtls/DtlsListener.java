package dev.osprey.dtls;

import dev.osprey.srtp.SrtpKeyingMaterial;

/** Lifecycle events of a {@link DtlsEndpoint}, delivered on the endpoint's event loop. */
public interface DtlsListener {

    /**
     * The handshake finished and the peer's certificate matched its fingerprint.
     *
     * @param keys the negotiated SRTP profile and the exported keying material (RFC 5764 §4.2); use
     *             {@code keys.local(endpoint.role() == DtlsRole.CLIENT)} to protect and {@code remote(...)} to
     *             unprotect
     */
    void onConnected(DtlsEndpoint endpoint, SrtpKeyingMaterial keys);

    /** The endpoint closed, exactly once, for {@code reason}. */
    void onClosed(DtlsEndpoint endpoint, DtlsCloseReason reason);
}
