package dev.osprey.turn.auth;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialSourcesTest {
    private static final long NOW = 1_700_000_000L;

    @Test
    void staticUsersKnowTheirPasswords() {
        StaticUserCredentials users = new StaticUserCredentials(Map.of("alice", "wonderland"));
        assertThat(users.lookup("alice", NOW)).contains(new Credential("alice", "wonderland"));
        assertThat(users.lookup("bob", NOW)).isEmpty();
    }

    @Test
    void restPasswordIsBase64OfHmacSha1OfTheUsername() {
        TurnRestCredentials rest = new TurnRestCredentials("north");
        // python3: base64(hmac.new(b'north', b'1700000000:alice', sha1).digest())
        assertThat(rest.password("1700000000:alice")).isEqualTo("Cd/49soE35ICqcJF/bCTn8Z4OyE=");
        assertThat(rest.lookup("1700000000:alice", NOW - 1))
                .contains(new Credential("alice", "Cd/49soE35ICqcJF/bCTn8Z4OyE="));
    }

    @Test
    void restCredentialsExpireAndRejectMalformedNames() {
        TurnRestCredentials rest = new TurnRestCredentials("north");
        assertThat(rest.lookup("1700000000:alice", NOW)).isEmpty();
        assertThat(rest.lookup("alice", NOW)).isEmpty();
        assertThat(rest.lookup(":alice", NOW)).isEmpty();
        assertThat(rest.lookup("1800000000:", NOW)).isEmpty();
        assertThat(rest.lookup("18x0000000:alice", NOW)).isEmpty();
        assertThat(rest.lookup("99999999999999999999:alice", NOW)).isEmpty();
        assertThatThrownBy(() -> new TurnRestCredentials("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liveKitSchemeMatchesVectorsFromTheGoEncoding() {
        // base62 of "APIdev|PA_xyz|1700000600" and of SHA-256("devsecret|PA_xyz|1700000600"), from the Go algorithm
        assertThat(LiveKitCredentials.username("APIdev", "PA_xyz", 1_700_000_600L))
                .isEqualTo("wAjNwADMwAzNxwneyDvvCCKeZXZklEUBB");
        assertThat(LiveKitCredentials.password("devsecret", "PA_xyz", 1_700_000_600L))
                .isEqualTo("Nif09BYDLUuhUOEclmUd1lXWb6XvucqAlBcwDHcWe5X");
    }

    @Test
    void liveKitLookupRecomputesThePasswordForTheParticipant() {
        LiveKitCredentials livekit = new LiveKitCredentials(Map.of("APIdev", "devsecret"));
        assertThat(livekit.lookup("wAjNwADMwAzNxwneyDvvCCKeZXZklEUBB", NOW))
                .contains(new Credential("PA_xyz", "Nif09BYDLUuhUOEclmUd1lXWb6XvucqAlBcwDHcWe5X"));
    }

    @Test
    void liveKitLookupRefusesExpiredUnknownKeyAndMalformedNames() {
        LiveKitCredentials livekit = new LiveKitCredentials(Map.of("APIdev", "devsecret"));
        assertThat(livekit.lookup(LiveKitCredentials.username("APIdev", "PA_xyz", NOW), NOW)).isEmpty();
        assertThat(livekit.lookup(LiveKitCredentials.username("APIother", "PA_xyz", NOW + 60), NOW)).isEmpty();
        assertThat(livekit.lookup(Base62.encode("APIdev|PA_xyz".getBytes()), NOW)).isEmpty();
        assertThat(livekit.lookup(Base62.encode("APIdev||1800000000".getBytes()), NOW)).isEmpty();
        assertThat(livekit.lookup(Base62.encode("APIdev|PA|18x".getBytes()), NOW)).isEmpty();
        assertThat(livekit.lookup("not base62!", NOW)).isEmpty();
        assertThat(livekit.lookup("A".repeat(600), NOW)).isEmpty();
    }

    @Test
    void chainAsksSourcesInOrder() {
        CredentialChain chain = new CredentialChain(List.of(
                new StaticUserCredentials(Map.of("alice", "first")),
                new StaticUserCredentials(Map.of("alice", "second", "bob", "builder"))));
        assertThat(chain.lookup("alice", NOW)).contains(new Credential("alice", "first"));
        assertThat(chain.lookup("bob", NOW)).contains(new Credential("bob", "builder"));
        assertThat(chain.lookup("carol", NOW)).isEmpty();
    }

    @Test
    void longTermKeyIsMd5OfUserRealmPassword() {
        // python3: hashlib.md5(b'alice:osprey:wonderland').hexdigest()
        assertThat(HexFormat.of().formatHex(LongTermKey.derive("alice", "osprey", "wonderland")))
                .isEqualTo("dd8492091b36181fca1de0a30c76798b");
    }

    @Test
    void credentialToStringHidesThePassword() {
        assertThat(new Credential("alice", "wonderland").toString()).doesNotContain("wonderland");
    }
}
