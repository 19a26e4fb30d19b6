package dev.osprey.srtp;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.osprey.srtp.SrtpKeyDerivation.LABEL_RTP_AUTH;
import static dev.osprey.srtp.SrtpKeyDerivation.LABEL_RTP_ENCRYPTION;
import static dev.osprey.srtp.SrtpKeyDerivation.LABEL_RTP_SALT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrtpKeyDerivationTest {

    @Test
    void rfc3711AppendixB3() {
        HexVectors v = HexVectors.load("rfc3711-b3-kdf.properties");
        byte[] key = v.bytes("master_key");
        byte[] salt = v.bytes("master_salt");
        assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_ENCRYPTION, 16)).isEqualTo(v.bytes("cipher_key"));
        assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_SALT, 14)).isEqualTo(v.bytes("cipher_salt"));
        byte[] auth = v.bytes("auth_key");
        // 94 bytes span six PRF blocks: the block counter in the IV's low 16 bits is exercised too.
        assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_AUTH, auth.length)).isEqualTo(auth);
        assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_AUTH, 20)).isEqualTo(Arrays.copyOf(auth, 20));
    }

    @Test
    void rfc6188Aes256AndAes192() {
        HexVectors v = HexVectors.load("rfc6188-kdf.properties");
        for (String p : new String[] {"aes256", "aes192"}) {
            byte[] key = v.bytes(p + ".master_key");
            byte[] salt = v.bytes(p + ".master_salt");
            assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_ENCRYPTION, key.length))
                    .as(p).isEqualTo(v.bytes(p + ".cipher_key"));
            assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_SALT, 14)).as(p).isEqualTo(v.bytes(p + ".cipher_salt"));
            assertThat(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_AUTH, 20)).as(p).isEqualTo(v.bytes(p + ".auth_key"));
        }
    }

    @Test
    void gcmSaltIsZeroPaddedToTheFourteenBytePrfInput() {
        byte[] key = HexVectors.hex("e1f97a0d3e018be0d64fa32c06de4139");
        byte[] salt12 = HexVectors.hex("0ec675ad498afeebb6960b3a");
        byte[] salt14 = HexVectors.hex("0ec675ad498afeebb6960b3a0000");
        for (int label = 0; label < 6; label++) {
            assertThat(SrtpKeyDerivation.derive(key, salt12, label, 16))
                    .isEqualTo(SrtpKeyDerivation.derive(key, salt14, label, 16));
        }
    }

    @Test
    void labelsGiveDistinctKeys() {
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        assertThat(SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTCP_ENCRYPTION, 16))
                .isNotEqualTo(SrtpKeyDerivation.derive(key, salt, LABEL_RTP_ENCRYPTION, 16));
    }

    @Test
    void rejectsKeyAndSaltLengthsNoProfileUses() {
        assertThatThrownBy(() -> SrtpKeyDerivation.derive(new byte[15], new byte[14], 0, 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpKeyDerivation.derive(new byte[16], new byte[15], 0, 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpKeyDerivation.derive(new byte[16], new byte[11], 0, 16))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
