package dev.osprey.turn.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static dev.osprey.turn.auth.NonceIssuer.NonceStatus.INVALID;
import static dev.osprey.turn.auth.NonceIssuer.NonceStatus.STALE;
import static dev.osprey.turn.auth.NonceIssuer.NonceStatus.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonceIssuerTest {
    private static final byte[] KEY = new byte[32];
    private final NonceIssuer issuer = new NonceIssuer(KEY, 600);

    @Test
    void nonceIsValidUntilItsLifetimeEnds() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.7");
        String nonce = issuer.issue(client, 1000);
        assertThat(nonce).hasSize(32).matches("[0-9a-f]+");
        assertThat(issuer.check(nonce, client, 1000)).isEqualTo(VALID);
        assertThat(issuer.check(nonce, client, 1599)).isEqualTo(VALID);
        assertThat(issuer.check(nonce, client, 1600)).isEqualTo(STALE);
    }

    @Test
    void nonceIsBoundToTheClientAddressAndTheServerKey() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.7");
        String nonce = issuer.issue(client, 1000);
        assertThat(issuer.check(nonce, InetAddress.getByName("192.0.2.8"), 1000)).isEqualTo(INVALID);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new NonceIssuer(otherKey, 600).check(nonce, client, 1000)).isEqualTo(INVALID);
    }

    @Test
    void forgedOrMalformedNoncesAreInvalid() throws Exception {
        InetAddress client = InetAddress.getByName("2001:db8::1");
        String nonce = issuer.issue(client, 1000);
        String extended = "00000000ffffffff" + nonce.substring(16);
        assertThat(issuer.check(extended, client, 1000)).isEqualTo(INVALID);
        assertThat(issuer.check(nonce.toUpperCase(), client, 1000)).isEqualTo(INVALID);
        assertThat(issuer.check("", client, 1000)).isEqualTo(INVALID);
        assertThat(issuer.check(nonce + "0", client, 1000)).isEqualTo(INVALID);
        assertThat(issuer.check("zz" + nonce.substring(2), client, 1000)).isEqualTo(INVALID);
        assertThat(issuer.check("\u0663".repeat(32), client, 1000)).isEqualTo(INVALID);
    }

    @Test
    void lifetimeMustBePositive() {
        assertThatThrownBy(() -> new NonceIssuer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
