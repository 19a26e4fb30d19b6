package dev.osprey.srtp;

import java.util.Arrays;

/**
 * One sender's SRTP master key and master salt under a protection profile (RFC 3711 §3.2.1). DTLS-SRTP exports one
 * for each direction (RFC 5764 §4.2): see {@link SrtpKeyingMaterial}.
 *
 * @param profile the negotiated protection profile
 * @param key     {@link SrtpProfile#masterKeyLength()} bytes
 * @param salt    {@link SrtpProfile#masterSaltLength()} bytes
 */
public record SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {

    /** Checks the lengths against the profile and keeps private copies. */
    public SrtpMasterKey {
        if (profile == null || key == null || salt == null) {
            throw new IllegalArgumentException("profile, key and salt are required");
        }
        if (key.length != profile.masterKeyLength() || salt.length != profile.masterSaltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.masterKeyLength() + "-byte key and a "
                    + profile.masterSaltLength() + "-byte salt");
        }
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey other && other.profile == profile
                && Arrays.equals(other.key, key) && Arrays.equals(other.salt, salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * profile.hashCode() + Arrays.hashCode(key)) + Arrays.hashCode(salt);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SrtpMasterKey[" + profile + "]";
    }
}
