package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunAttributeType;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunErrorCode;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.Lifetime;
import dev.osprey.stun.attribute.Nonce;
import dev.osprey.stun.attribute.Realm;
import dev.osprey.stun.attribute.RequestedTransport;
import dev.osprey.stun.attribute.Username;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {
    private final TurnHarness turn = new TurnHarness();
    private final FakeClient client = turn.client(40000);

    @AfterEach
    void close() {
        client.releaseAll();
        turn.close();
    }

    @Test
    void requestWithoutIntegrityIsChallengedWithRealmAndNonce() {
        StunMessage response = turn.exchange(client, StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE,
                TransactionId.random()).add(new RequestedTransport(RequestedTransport.UDP)).build(),
                MessageProtection.FINGERPRINT);
        assertThat(code(response)).isEqualTo(401);
        assertThat(response.attribute(Realm.class)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("osprey.test"));
        assertThat(response.attribute(Nonce.class)).isPresent();
        assertThat(response.has(StunAttributeType.MESSAGE_INTEGRITY)).isFalse();
        assertThat(response.has(StunAttributeType.FINGERPRINT)).isTrue();
        assertThat(turn.count("osprey.turn.auth.failures")).isZero(); // a challenge is not a failure
    }

    @Test
    void wrongPasswordIs401AndCounted() {
        StunMessage request = turn.authenticated(client, StunMethod.ALLOCATE, TurnHarness.USER,
                List.of(new RequestedTransport(RequestedTransport.UDP)));
        StunMessage response = turn.exchange(client, request, TurnHarness.integrity(TurnHarness.USER, "guess"));
        assertThat(code(response)).isEqualTo(401);
        assertThat(response.has(StunAttributeType.MESSAGE_INTEGRITY)).isFalse();
        assertThat(turn.count("osprey.turn.auth.failures", "reason", "unauthenticated")).isEqualTo(1);
        assertThat(turn.count("osprey.turn.refusals", "code", "401")).isEqualTo(1);
        assertThat(client.allocation()).isNull();
    }

    @Test
    void unknownUserIs401() {
        StunMessage request = turn.authenticated(client, StunMethod.ALLOCATE, "mallory",
                List.of(new RequestedTransport(RequestedTransport.UDP)));
        assertThat(code(turn.exchange(client, request, TurnHarness.integrity("mallory", "x")))).isEqualTo(401);
    }

    @Test
    void staleNonceIs438WithAFreshNonceThatThenWorks() {
        turn.authenticated(client, StunMethod.ALLOCATE, TurnHarness.USER, List.of()); // learns a nonce
        turn.clock.advanceSeconds(turn.config.nonceLifetime().toSeconds());
        StunMessage request = turn.authenticated(client, StunMethod.ALLOCATE, TurnHarness.USER,
                List.of(new RequestedTransport(RequestedTransport.UDP)));
        StunMessage stale = turn.exchange(client, request, TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD));
        assertThat(code(stale)).isEqualTo(438);
        String fresh = stale.attribute(Nonce.class).orElseThrow().value();
        assertThat(fresh).isNotEqualTo(request.attribute(Nonce.class).orElseThrow().value());
        assertThat(turn.count("osprey.turn.auth.failures", "reason", "stale_nonce")).isEqualTo(1);

        StunMessage retry = StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE, TransactionId.random())
                .add(new RequestedTransport(RequestedTransport.UDP)).add(new Username(TurnHarness.USER))
                .add(new Realm(TurnHarness.REALM)).add(new Nonce(fresh)).build();
        StunMessage ok = turn.exchange(client, retry, TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD));
        assertThat(ok.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    @Test
    void forgedNonceIs438() {
        StunMessage request = StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE, TransactionId.random())
                .add(new RequestedTransport(RequestedTransport.UDP)).add(new Username(TurnHarness.USER))
                .add(new Realm(TurnHarness.REALM)).add(new Nonce("0000000000000000ffffffffffffffff")).build();
        assertThat(code(turn.exchange(client, request, TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD))))
                .isEqualTo(438);
    }

    @Test
    void integrityWithoutUsernameIs400() {
        StunMessage request = StunMessage.builder(StunClass.REQUEST, StunMethod.ALLOCATE, TransactionId.random())
                .add(new RequestedTransport(RequestedTransport.UDP)).add(new Realm(TurnHarness.REALM)).build();
        StunMessage response = turn.exchange(client, request,
                TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD));
        assertThat(code(response)).isEqualTo(400);
        assertThat(turn.count("osprey.turn.auth.failures", "reason", "bad_request")).isEqualTo(1);
    }

    @Test
    void anotherUsersRequestOnTheAllocationIs441() {
        assertThat(turn.request(client, StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP))
                .messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        StunMessage refresh = turn.authenticated(client, StunMethod.REFRESH, "bob", List.of(new Lifetime(600)));
        StunMessage response = turn.exchange(client, refresh, TurnHarness.integrity("bob", "builder"));
        assertThat(code(response)).isEqualTo(441);
        assertThat(turn.count("osprey.turn.auth.failures", "reason", "wrong_credentials")).isEqualTo(1);
    }

    @Test
    void successResponsesCarryIntegrityWithTheUsersKey() {
        StunMessage response = turn.request(client, StunMethod.ALLOCATE,
                new RequestedTransport(RequestedTransport.UDP));
        assertThat(response.has(StunAttributeType.MESSAGE_INTEGRITY)).isTrue();
    }

    @Test
    void sha256IntegrityIsAnsweredInKind() {
        StunMessage request = turn.authenticated(client, StunMethod.ALLOCATE, TurnHarness.USER,
                List.of(new RequestedTransport(RequestedTransport.UDP)));
        var key = TurnHarness.integrity(TurnHarness.USER, TurnHarness.PASSWORD).key();
        StunMessage response = turn.exchange(client, request, MessageProtection.integritySha256(key));
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.has(StunAttributeType.MESSAGE_INTEGRITY_SHA256)).isTrue();
    }

    @Test
    void liveKitCredentialsFromTheHelperAllocateUntilTheyExpire() {
        var issued = dev.osprey.turn.api.TurnCredentials.liveKit(TurnHarness.LIVEKIT_KEY, TurnHarness.LIVEKIT_SECRET,
                "PA_abc", java.time.Instant.ofEpochSecond(turn.clock.epochSeconds() + 60));
        StunMessage request = turn.authenticated(client, StunMethod.ALLOCATE, issued.username(),
                List.of(new RequestedTransport(RequestedTransport.UDP)));
        StunMessage response = turn.exchange(client, request,
                TurnHarness.integrity(issued.username(), issued.password()));
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(client.allocation().account()).isEqualTo("PA_abc");

        FakeClient later = turn.client(40001);
        turn.clock.advanceSeconds(61);
        turn.forgetNonce();
        StunMessage expired = turn.authenticated(later, StunMethod.ALLOCATE, issued.username(),
                List.of(new RequestedTransport(RequestedTransport.UDP)));
        later.releaseAll();
        assertThat(code(turn.exchange(later, expired, TurnHarness.integrity(issued.username(), issued.password()))))
                .isEqualTo(401);
        later.releaseAll();
    }

    @Test
    void bindingNeedsNoCredentials() {
        StunMessage response = turn.exchange(client,
                StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random()).build(),
                MessageProtection.NONE);
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.attribute(dev.osprey.stun.attribute.XorMappedAddress.class).orElseThrow().address())
                .isEqualTo(client.fiveTuple().client());
    }

    static int code(StunMessage response) {
        assertThat(response).isNotNull();
        assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        StunErrorCode code = response.attribute(ErrorCode.class).orElseThrow().code();
        return code.code();
    }
}
