package dev.osprey.dtls;

import dev.osprey.srtp.SrtpProfile;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.Certificate;

import java.io.IOException;
import java.util.Hashtable;

/**
 * The DTLS server Osprey runs when the browser is {@code a=setup:active}: DTLS 1.2 only, ECDHE-ECDSA, a mandatory
 * client certificate checked against the SDP fingerprint, and {@code use_srtp} answered with one profile.
 */
final class DtlsSrtpServer extends DefaultTlsServer {

    private final DtlsSrtpNegotiation negotiation;
    private SrtpProfile selected;

    DtlsSrtpServer(DtlsSrtpNegotiation negotiation) {
        super(negotiation.crypto());
        this.negotiation = negotiation;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return DtlsSrtpNegotiation.SERVER_CIPHER_SUITES.clone();
    }

    @Override
    public int[] getSupportedGroups() {
        return negotiation.config.namedGroups();
    }

    @Override
    public boolean preferLocalSupportedGroups() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return negotiation.handshakeTimeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return negotiation.retransmitInitialMillis();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return negotiation.credentials(context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // WebRTC authenticates both ends by certificate fingerprint (RFC 8842 §5), so the client must send one.
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        negotiation.verifyPeer(clientCertificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw negotiation.missingUseSrtp();
        }
        selected = negotiation.chooseProfile(offered.getProtectionProfiles());
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensions.ensure(super.getServerExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {selected.id()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        negotiation.alertReceived(alertLevel, alertDescription);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        negotiation.exportKeys(context);
    }
}
