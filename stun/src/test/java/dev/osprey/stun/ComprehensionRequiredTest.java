package dev.osprey.stun;

import dev.osprey.stun.attribute.ErrorCode;
import dev.osprey.stun.attribute.UnknownAttribute;
import dev.osprey.stun.attribute.UnknownAttributes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 8489 §14: unknown comprehension-optional attributes are ignored, unknown comprehension-required ones are
 * reported so the server can answer 420 with UNKNOWN-ATTRIBUTES; both survive a round trip.
 */
class ComprehensionRequiredTest {

    @Test
    void reportsUnknownComprehensionRequiredTypesOnce() {
        ByteBuf buf = new RawMessage()
                .attribute(0x0003, 4, 0, 0, 0, 4)         // CHANGE-REQUEST: registered, not implemented
                .attribute(0xC057, 4, 0, 1, 0, 10)        // GOOG-NETWORK-INFO: optional
                .attribute(0x7FFF, 1, 9)                  // unassigned, required
                .attribute(0x0003, 4, 0, 0, 0, 0)         // a repeat is listed once
                .build();
        try {
            StunMessage m = StunDecoder.decode(buf);
            assertThat(m.unknownComprehensionRequired())
                    .containsExactly(StunAttributeType.CHANGE_REQUEST, StunAttributeType.valueOf(0x7FFF));
            assertThat(m.attributes()).hasSize(4).allMatch(a -> a instanceof UnknownAttribute);
            ByteBuf again = Unpooled.buffer();
            StunEncoder.encode(m, again);
            assertThat(again).isEqualTo(buf);
            again.release();
        } finally {
            buf.release();
        }
    }

    @Test
    void optionalUnknownsAreNotReported() {
        ByteBuf buf = new RawMessage().attribute(0xC057, 4, 0, 1, 0, 10).attribute(0x8FFF, 0).build();
        try {
            assertThat(StunDecoder.decode(buf).unknownComprehensionRequired()).isEmpty();
        } finally {
            buf.release();
        }
    }

    /** The 420 response a server builds from the report round-trips with the listed types. */
    @Test
    void unknownAttributeResponseCarriesTheTypes() {
        StunMessage request = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new UnknownAttribute(StunAttributeType.valueOf(0x0003), new byte[4])).build();
        StunMessage response = StunMessage.errorResponseTo(request)
                .add(ErrorCode.of(StunErrorCode.UNKNOWN_ATTRIBUTE))
                .add(new UnknownAttributes(request.unknownComprehensionRequired()))
                .build();
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(response, out, MessageProtection.FINGERPRINT);
            StunMessage decoded = StunDecoder.decode(out);
            assertThat(decoded.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
            assertThat(decoded.transactionId()).isEqualTo(request.transactionId());
            assertThat(decoded.attribute(UnknownAttributes.class).orElseThrow().types())
                    .isEqualTo(List.of(StunAttributeType.CHANGE_REQUEST));
            assertThat(decoded.attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(StunErrorCode.UNKNOWN_ATTRIBUTE);
        } finally {
            out.release();
        }
    }

    @Test
    void aKnownTypeCannotMasqueradeAsUnknown() {
        assertThatThrownBy(() -> new UnknownAttribute(StunAttributeType.USERNAME, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
