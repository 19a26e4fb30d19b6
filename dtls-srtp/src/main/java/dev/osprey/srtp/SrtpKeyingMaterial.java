package dev.osprey.srtp;

import java.util.Arrays;

/**
 * The keying material a DTLS-SRTP handshake exports with the label {@code "EXTRACTOR-dtls_srtp"}, split into the
 * client's and the server's master keys (RFC 5764 §4.2):
 * {@code client_write_SRTP_master_key | server_write_SRTP_master_key | client_write_SRTP_master_salt |
 * server_write_SRTP_master_salt}.
 *
 * <p>The DTLS client protects what it sends with the client keys; the server with the server keys.
 */
public final class SrtpKeyingMaterial {

    /** The exporter label of RFC 5764 §4.2. */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    private final SrtpMasterKey client;
    private final SrtpMasterKey server;

    private SrtpKeyingMaterial(SrtpMasterKey client, SrtpMasterKey server) {
        this.client = client;
        this.server = server;
    }

    /**
     * Splits exported keying material.
     *
     * @param profile  the negotiated profile
     * @param material exactly {@link SrtpProfile#keyingMaterialLength()} bytes
     * @throws IllegalArgumentException when the length does not match the profile
     */
    public static SrtpKeyingMaterial split(SrtpProfile profile, byte[] material) {
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + material.length);
        }
        int k = profile.masterKeyLength();
        int s = profile.masterSaltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        SrtpKeyingMaterial result = new SrtpKeyingMaterial(new SrtpMasterKey(profile, clientKey, clientSalt),
                new SrtpMasterKey(profile, serverKey, serverSalt));
        Arrays.fill(clientKey, (byte) 0);
        Arrays.fill(serverKey, (byte) 0);
        return result;
    }

    /** The profile both keys are for. */
    public SrtpProfile profile() {
        return client.profile();
    }

    /** The key the DTLS client sends with. */
    public SrtpMasterKey client() {
        return client;
    }

    /** The key the DTLS server sends with. */
    public SrtpMasterKey server() {
        return server;
    }

    /** The key that protects what the local side sends. */
    public SrtpMasterKey local(boolean localIsClient) {
        return localIsClient ? client : server;
    }

    /** The key that unprotects what the remote side sends. */
    public SrtpMasterKey remote(boolean localIsClient) {
        return localIsClient ? server : client;
    }

    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile() + "]";
    }
}
