package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static dev.osprey.turn.server.AuthenticationTest.code;
import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that are not well-formed TURN: each is dropped or refused, counted, and leaks nothing. */
class MalformedInputTest {
    private static final String HEADER_ALLOCATE = "0003";
    private static final String COOKIE = "2112a442";
    private static final String TID = "0102030405060708090a0b0c";
    private final TurnHarness turn = new TurnHarness();
    private final FakeClient client = turn.client(40000);

    @AfterEach
    void close() {
        client.releaseAll();
        turn.close();
    }

    @Test
    void stunLengthThatDisagreesWithTheDatagramIsDropped() {
        send(HEADER_ALLOCATE + "0008" + COOKIE + TID + "00190004");
        send(HEADER_ALLOCATE + "0004" + COOKIE + TID + "0019000411000000");
        send(HEADER_ALLOCATE + "0003" + COOKIE + TID + "001900");
        assertThat(client.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "malformed")).isEqualTo(3);
    }

    @Test
    void wrongMagicCookieIsDropped() {
        send(HEADER_ALLOCATE + "0000" + "deadbeef" + TID);
        assertThat(client.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "malformed")).isEqualTo(1);
    }

    @Test
    void attributeRunningPastTheEndIs400() {
        send(HEADER_ALLOCATE + "0008" + COOKIE + TID + "0019000811000000");
        StunMessage response = turn.nextMessage(client);
        assertThat(code(response)).isEqualTo(400);
        assertThat(response.transactionId()).isEqualTo(TransactionId.fromBytes(HexFormat.of().parseHex(TID)));
        assertThat(response.method()).isEqualTo(StunMethod.ALLOCATE);
    }

    @Test
    void malformedKnownAttributeIs400() {
        // XOR-PEER-ADDRESS with family 0x07
        send("0008" + "000c" + COOKIE + TID + "00120008" + "0007abcd01020304");
        assertThat(code(turn.nextMessage(client))).isEqualTo(400);
        assertThat(turn.count("osprey.turn.refusals", "reason", "bad_request")).isEqualTo(1);
    }

    @Test
    void requestOfAMethodWithoutHandlerIs400() {
        StunMessage response = turn.exchange(client, StunMessage.builder(StunClass.REQUEST, StunMethod.valueOf(0x0ABC),
                TransactionId.random()).build(), MessageProtection.NONE);
        assertThat(code(response)).isEqualTo(400);
        assertThat(code(turn.request(client, StunMethod.CONNECTION_ATTEMPT))).isEqualTo(400);
    }

    @Test
    void responsesAndOtherIndicationsFromClientsAreDropped() {
        turn.send(client, TurnHarness.encode(StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING,
                TransactionId.random()).build(), MessageProtection.NONE));
        turn.send(client, TurnHarness.encode(StunMessage.builder(StunClass.INDICATION, StunMethod.DATA,
                TransactionId.random()).build(), MessageProtection.NONE));
        assertThat(client.poll()).isNull();
        assertThat(turn.count("osprey.turn.dropped", "reason", "unexpected")).isEqualTo(2);
    }

    @Test
    void garbageAndEmptyDatagramsAreDropped() {
        send("");
        send("80c8000601020304");
        send("ffffffffffffffffffffffffffffffffffffffff");
        assertThat(turn.count("osprey.turn.dropped", "reason", "malformed")).isEqualTo(3);
    }

    @Test
    void sendIndicationWithUnknownComprehensionRequiredAttributeIsDropped() {
        turn.request(client, StunMethod.ALLOCATE, new dev.osprey.stun.attribute.RequestedTransport(17));
        send("0016" + "0008" + COOKIE + TID + "00310004aabbccdd");
        assertThat(turn.count("osprey.turn.dropped", "reason", "bad_indication")).isEqualTo(1);
    }

    private void send(String hex) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        turn.send(client, buf);
    }
}
