package dev.osprey.stun;

import dev.osprey.stun.attribute.Data;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.Username;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Header peeks and the attribute scanner read encoded messages in place and refuse what is not STUN. */
class StunHeaderTest {

    @Test
    void peeksAtTheHeader() {
        TransactionId tid = TransactionId.random();
        StunMessage m = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.ALLOCATE, tid)
                .add(new Priority(7)).build();
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(m, out);
            assertThat(StunHeader.isStunMessage(out)).isTrue();
            assertThat(StunHeader.messageType(out)).isEqualTo(0x0103);
            assertThat(StunHeader.is(out, StunMethod.ALLOCATE, StunClass.SUCCESS_RESPONSE)).isTrue();
            assertThat(StunHeader.is(out, StunMethod.ALLOCATE, StunClass.REQUEST)).isFalse();
            assertThat(StunHeader.messageLength(out)).isEqualTo(8);
            assertThat(StunHeader.transactionId(out)).isEqualTo(tid);
            assertThat(StunHeader.hasTransactionId(out, new TransactionId(tid.high(), tid.low() + 1))).isFalse();
            out.writeByte(0);
            assertThat(StunHeader.isStunMessage(out)).isFalse(); // one extra byte is not one datagram's message
            assertThat(StunHeader.hasValidHeader(out)).isTrue();
        } finally {
            out.release();
        }
    }

    @Test
    void refusesNonStunFirstBytes() {
        for (int first : new int[]{0x16, 0x80, 0x40, 0xC0}) { // DTLS, RTP, ChannelData, and 11xxxxxx
            ByteBuf buf = Unpooled.buffer().writeByte(first).writeZero(3).writeInt(StunHeader.MAGIC_COOKIE).writeZero(12);
            try {
                assertThat(StunHeader.hasValidHeader(buf)).isEqualTo(first < 0x40);
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void scannerFindsValuesInPlace() {
        StunMessage m = StunMessage.builder(StunClass.INDICATION, StunMethod.SEND, TransactionId.random())
                .add(new Username("ab:cd"))
                .add(new Data("payload".getBytes(StandardCharsets.US_ASCII)))
                .build();
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(m, out, MessageProtection.FINGERPRINT);
            int at = AttributeScanner.find(out, StunAttributeType.DATA.code());
            assertThat(at).isEqualTo(20 + 4 + 8 + 4);
            assertThat(AttributeScanner.valueLength(out, at)).isEqualTo(7);
            assertThat(out.toString(at, 7, StandardCharsets.US_ASCII)).isEqualTo("payload");
            assertThat(AttributeScanner.find(out, StunAttributeType.REALM.code())).isEqualTo(AttributeScanner.ABSENT);
            out.setShort(20 + 2, 200); // USERNAME now claims to run past the end
            assertThat(AttributeScanner.find(out, StunAttributeType.DATA.code())).isEqualTo(AttributeScanner.MALFORMED);
        } finally {
            out.release();
        }
    }

    @Test
    void scannerRefusesATruncatedMessage() {
        ByteBuf buf = new RawMessage().attribute(0x0006, 4, 'a', 'b', 'c', 'd').build();
        try {
            buf.writerIndex(buf.writerIndex() - 4);
            assertThat(AttributeScanner.find(buf, 0x0006)).isEqualTo(AttributeScanner.MALFORMED);
        } finally {
            buf.release();
        }
    }
}
