package dev.osprey.media.transport;

import dev.osprey.dtls.DtlsHandshaker;
import dev.osprey.ice.IceLiteAgent;
import dev.osprey.sctp.SctpEndpoint;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;

import java.util.Objects;

/**
 * What peer connection transports are built from; the server creates these once (the ICE-lite agent on the shared
 * media ports, the DTLS handshaker with Osprey's certificate, the SRTP policy) and hands them to the room registry.
 *
 * @param ice        the ICE-lite agent: one UDP mux port (+ ICE-TCP) for every transport
 * @param dtls       DTLS handshakes (off the event loops) and the certificate fingerprint
 * @param srtpPolicy replay protection (off, as in LiveKit), stream cap, GCM engine
 * @param srtpMetrics where SRTP drops are counted
 * @param sctp       the SCTP endpoint for data channels
 */
public record TransportServices(IceLiteAgent ice, DtlsHandshaker dtls, SrtpPolicy srtpPolicy, SrtpMetrics srtpMetrics,
                                SctpEndpoint sctp) {
    public TransportServices {
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(dtls, "dtls");
        Objects.requireNonNull(srtpPolicy, "srtpPolicy");
        Objects.requireNonNull(srtpMetrics, "srtpMetrics");
        Objects.requireNonNull(sctp, "sctp");
    }
}
