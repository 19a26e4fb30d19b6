package dev.osprey.dtls;

import dev.osprey.srtp.SrtpKeyingMaterial;
import dev.osprey.srtp.SrtpProfile;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

import java.io.IOException;
import java.util.List;

/**
 * What the client and server peers of one handshake share: the certificate and fingerprint checks of RFC 8842 §5,
 * the {@code use_srtp} profile choice of RFC 5764 §4.1, and the keying material export of RFC 5764 §4.2. Written by
 * the handshake thread, read by the endpoint after the handshake returned.
 */
final class DtlsSrtpNegotiation {

    /** ECDHE with ECDSA, AEAD first; the server's (our) certificate is ECDSA P-256. */
    static final int[] SERVER_CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    /** As a client Osprey also accepts a browser configured with an RSA certificate. */
    static final int[] CLIENT_CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    final DtlsConfig config;
    private final DtlsCertificate certificate;
    private final List<CertificateFingerprint> remoteFingerprints;
    private final JcaTlsCrypto crypto;

    private volatile DtlsCloseReason failure;
    private volatile SrtpProfile profile;
    private volatile SrtpKeyingMaterial keys;
    private volatile boolean peerClosed;

    /** The configured handshake timeout as BouncyCastle's peers report it. */
    int handshakeTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis());
    }

    /** The first retransmission delay of a flight (doubled by BouncyCastle on each resend). */
    int retransmitInitialMillis() {
        return (int) config.retransmitInitial().toMillis();
    }

    DtlsSrtpNegotiation(DtlsConfig config, DtlsCertificate certificate, List<CertificateFingerprint> remote,
                        JcaTlsCrypto crypto) {
        this.config = config;
        this.certificate = certificate;
        this.remoteFingerprints = List.copyOf(remote);
        this.crypto = crypto;
    }

    JcaTlsCrypto crypto() {
        return crypto;
    }

    /** Our certificate and key as BouncyCastle credentials, signing with ECDSA/SHA-256. */
    TlsCredentialedSigner credentials(TlsContext context) throws IOException {
        TlsCertificate cert = crypto.createCertificate(certificate.certificateDer());
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKey(), new Certificate(new TlsCertificate[] {cert}),
                new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    /**
     * Checks the peer's end-entity certificate against the remote SDP's fingerprints (RFC 8842 §5: any listed
     * fingerprint may match). A missing certificate or a mismatch aborts the handshake.
     */
    void verifyPeer(Certificate peer) throws IOException {
        if (peer == null || peer.isEmpty()) {
            failure = DtlsCloseReason.FINGERPRINT_MISMATCH;
            throw new TlsFatalAlert(AlertDescription.certificate_required);
        }
        byte[] der = peer.getCertificateAt(0).getEncoded();
        for (CertificateFingerprint fingerprint : remoteFingerprints) {
            if (fingerprint.matches(der)) {
                return;
            }
        }
        failure = DtlsCloseReason.FINGERPRINT_MISMATCH;
        throw new TlsFatalAlert(AlertDescription.bad_certificate, "certificate does not match the SDP fingerprint");
    }

    /** Server side: the first of our profiles the client offered (RFC 5764 §4.1.1), or a handshake failure. */
    SrtpProfile chooseProfile(int[] offered) throws IOException {
        for (SrtpProfile ours : config.srtpProfiles()) {
            for (int id : offered) {
                if (id == ours.id()) {
                    profile = ours;
                    return ours;
                }
            }
        }
        failure = DtlsCloseReason.NO_SRTP_PROFILE;
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP protection profile");
    }

    /** Client side: the server must select exactly one profile we offered (RFC 5764 §4.1.1). */
    void acceptProfile(int[] selected) throws IOException {
        if (selected != null && selected.length == 1) {
            for (SrtpProfile ours : config.srtpProfiles()) {
                if (ours.id() == selected[0]) {
                    profile = ours;
                    return;
                }
            }
        }
        failure = DtlsCloseReason.NO_SRTP_PROFILE;
        throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server selected no offered SRTP profile");
    }

    /** Marks a handshake without the use_srtp extension. */
    IOException missingUseSrtp() {
        failure = DtlsCloseReason.NO_SRTP_PROFILE;
        return new TlsFatalAlert(AlertDescription.handshake_failure, "peer did not negotiate use_srtp");
    }

    int[] offeredProfileIds() {
        return config.srtpProfiles().stream().mapToInt(SrtpProfile::id).toArray();
    }

    /** Exports the SRTP keying material once the handshake is complete (RFC 5764 §4.2). */
    void exportKeys(TlsContext context) {
        SrtpProfile p = profile;
        if (p == null) {
            failure = DtlsCloseReason.NO_SRTP_PROFILE;
            return;
        }
        byte[] material = context.exportKeyingMaterial(SrtpKeyingMaterial.EXPORTER_LABEL, null,
                p.keyingMaterialLength());
        keys = SrtpKeyingMaterial.split(p, material);
        java.util.Arrays.fill(material, (byte) 0);
    }

    /** Remembers a close_notify or fatal alert from the peer, so the endpoint can tell who closed. */
    void alertReceived(short level, short description) {
        if (description == AlertDescription.close_notify || level == org.bouncycastle.tls.AlertLevel.fatal) {
            peerClosed = true;
        }
    }

    boolean peerClosed() {
        return peerClosed;
    }

    DtlsCloseReason failure() {
        return failure;
    }

    SrtpKeyingMaterial keys() {
        return keys;
    }
}
