package dev.osprey.media.transport;

import dev.osprey.dtls.CertificateFingerprint;
import dev.osprey.dtls.DtlsCloseReason;
import dev.osprey.dtls.DtlsEndpoint;
import dev.osprey.dtls.DtlsListener;
import dev.osprey.dtls.DtlsRole;
import dev.osprey.ice.FiveTuple;
import dev.osprey.ice.IceCandidate;
import dev.osprey.ice.IceCredentials;
import dev.osprey.ice.IceTransport;
import dev.osprey.ice.IceTransportListener;
import dev.osprey.ice.IceTransportState;
import dev.osprey.ice.TransportProtocol;
import dev.osprey.media.api.DtlsSetup;
import dev.osprey.media.api.LocalTransportDescription;
import dev.osprey.media.api.PeerConnectionRole;
import dev.osprey.media.api.RemoteTransportDescription;
import dev.osprey.media.api.TransportCandidate;
import dev.osprey.media.api.TransportFingerprint;
import dev.osprey.media.api.TransportState;
import dev.osprey.rtp.PacketClassifier;
import dev.osprey.srtp.SrtpKeyingMaterial;
import dev.osprey.srtp.SrtpSession;
import dev.osprey.srtp.SrtpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * One peer connection's transport: ICE-lite (the shared mux port, via the ice module), DTLS (the dtls-srtp module's
 * endpoint, with the role {@code a=setup} decides and the client's fingerprint checked), SRTP/SRTCP contexts keyed by
 * the handshake, and the SCTP association of the data channels. Received packets are classified by their first byte
 * (RFC 7983): DTLS goes to the endpoint, SRTP/SRTCP is decrypted in place and handed with its buffer to the media side
 * ({@link MediaPort}); what cannot be decrypted is dropped and counted. Sending is {@link SrtpEgress}.
 *
 * <p>All state lives on the ICE transport's event loop, which is the participant's media loop.
 */
public final class PeerTransport implements IceTransportListener, DtlsListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerTransport.class);

    private final PeerConnectionRole role;
    private final String id;
    private final TransportServices services;
    private final MediaPort media;
    private final IceTransport ice;
    private final EventLoop loop;
    private final SrtpEgress egress;
    private final DataChannelHandle dataChannels;
    private volatile TransportState state = TransportState.NEW;
    private DtlsEndpoint dtls;
    private SrtpSession inbound;
    private boolean pairSelected;

    long rtpIn;
    long rtcpIn;
    long undecryptable;
    long notKeyed;
    long unclassified;

    /**
     * @param media               where decrypted packets go and what to tell when the transport connects
     * @param transportSequenceId the peer's transport-cc extension ID (0 when not negotiated), read per packet sent
     */
    public PeerTransport(String id, PeerConnectionRole role, TransportServices services, EventLoop loop,
                         MediaPort media, IntSupplier transportSequenceId) {
        this.id = id;
        this.role = role;
        this.services = services;
        this.media = media;
        this.ice = services.ice().createTransport(IceCredentials.random(), this, loop);
        this.loop = ice.eventLoop();
        this.egress = new SrtpEgress(ice, transportSequenceId);
        this.dataChannels = new DataChannelHandle(services.sctp(), loop);
    }

    /** The description signaling puts into SDP. */
    public LocalTransportDescription describe() {
        List<TransportCandidate> candidates = new ArrayList<>();
        for (IceCandidate c : ice.localCandidates()) {
            candidates.add(new TransportCandidate(c.foundation(), c.componentId(), c.protocol().sdpToken(),
                    c.priority(), c.address().getAddress().getHostAddress(), c.address().getPort(), "host",
                    c.protocol() == TransportProtocol.TCP ? "passive" : ""));
        }
        CertificateFingerprint fp = services.dtls().fingerprint();
        String[] sdp = fp.sdpValue().split(" ", 2);
        IceCredentials credentials = ice.localCredentials();
        return new LocalTransportDescription(credentials.ufrag(), credentials.password(), candidates,
                new TransportFingerprint(sdp[0], sdp[1]), true);
    }

    /**
     * The client's description: creates the DTLS endpoint with the role its {@code a=setup} leaves us (it is active:
     * we are the server; passive or actpass: we take the client role, RFC 8842 §5.2). A second call (renegotiation)
     * keeps the running endpoint.
     */
    public void connect(RemoteTransportDescription remote) {
        List<CertificateFingerprint> fingerprints = new ArrayList<>();
        for (TransportFingerprint f : remote.fingerprints()) {
            fingerprints.add(CertificateFingerprint.parse(f.algorithm() + " " + f.value()));
        }
        DtlsRole dtlsRole = remote.setup() == DtlsSetup.ACTIVE ? DtlsRole.SERVER : DtlsRole.CLIENT;
        run(() -> {
            if (dtls != null || state == TransportState.CLOSED) {
                return;
            }
            dataChannels.configure(remote.dataChannels(), remote.maxMessageSizeBytes(), dtlsRole);
            dtls = services.dtls().newEndpoint(id, dtlsRole, fingerprints, loop, egress::sendDtls, this,
                    dataChannels::onApplicationData);
            if (dtlsRole == DtlsRole.SERVER || pairSelected) {
                startHandshake();
            }
        });
    }

    private void startHandshake() {
        if (dtls.state() == DtlsEndpoint.State.NEW) {
            state = TransportState.CONNECTING;
            dtls.start();
        }
    }

    /** New local ICE credentials (RFC 8445 §9). */
    public LocalTransportDescription restartIce() {
        ice.restart(IceCredentials.random());
        return describe();
    }

    @Override
    public void onPacket(IceTransport transport, FiveTuple from, ByteBuf packet) {
        switch (PacketClassifier.classify(packet)) {
            case DTLS -> {
                try {
                    if (dtls != null) {
                        dtls.receive(packet);
                    }
                } finally {
                    packet.release();
                }
            }
            case RTP -> onSrtp(packet);
            case RTCP -> onSrtcp(packet);
            default -> {
                unclassified++;
                packet.release();
            }
        }
    }

    private void onSrtp(ByteBuf packet) {
        SrtpSession s = inbound;
        if (s == null) {
            notKeyed++;
            packet.release();
        } else if (s.unprotectRtp(packet) != SrtpStatus.OK) {
            undecryptable++;
            packet.release();
        } else {
            rtpIn++;
            media.onRtp(packet, System.nanoTime());
        }
    }

    private void onSrtcp(ByteBuf packet) {
        SrtpSession s = inbound;
        if (s == null) {
            notKeyed++;
            packet.release();
        } else if (s.unprotectRtcp(packet) != SrtpStatus.OK) {
            undecryptable++;
            packet.release();
        } else {
            rtcpIn++;
            media.onRtcp(packet, System.nanoTime());
        }
    }

    @Override
    public void onSelectedPairChanged(IceTransport transport, FiveTuple selected) {
        pairSelected = true;
        if (dtls != null) {
            startHandshake();
        }
    }

    @Override
    public void onStateChanged(IceTransport transport, IceTransportState iceState) {
        if (iceState == IceTransportState.DISCONNECTED && state == TransportState.CONNECTED) {
            state = TransportState.DISCONNECTED;
        } else if (iceState == IceTransportState.CONNECTED && state == TransportState.DISCONNECTED) {
            state = TransportState.CONNECTED;
        }
    }

    @Override
    public void onConnected(DtlsEndpoint endpoint, SrtpKeyingMaterial keys) {
        boolean client = endpoint.role() == DtlsRole.CLIENT;
        inbound = new SrtpSession(keys.remote(client), services.srtpPolicy(), services.srtpMetrics());
        egress.keyed(new SrtpSession(keys.local(client), services.srtpPolicy(), services.srtpMetrics()));
        state = TransportState.CONNECTED;
        LOG.atInfo().addKeyValue("transport", id).addKeyValue("role", role).addKeyValue("profile", keys.profile())
                .log("peer connection connected");
        dataChannels.start(endpoint);
        media.connected(egress);
    }

    @Override
    public void onClosed(DtlsEndpoint endpoint, DtlsCloseReason reason) {
        state = TransportState.CLOSED;
        LOG.atInfo().addKeyValue("transport", id).addKeyValue("reason", reason).log("DTLS closed");
        egress.close();
        dataChannels.close();
    }

    public TransportState state() {
        return state;
    }

    public PeerConnectionRole role() {
        return role;
    }

    public DataChannelHandle dataChannels() {
        return dataChannels;
    }

    public EventLoop eventLoop() {
        return loop;
    }

    private void run(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** Closes DTLS (close_notify), the data channels and the ICE registration. */
    @Override
    public void close() {
        run(() -> {
            state = TransportState.CLOSED;
            dataChannels.close(); // first, so that its ABORT still goes out over DTLS
            if (dtls != null) {
                dtls.close();
            }
            egress.close();
            ice.close();
        });
    }

    @Override
    public String toString() {
        return "PeerTransport[" + id + " " + role + " " + state + "]";
    }
}
