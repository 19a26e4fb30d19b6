package dev.osprey.stun;

import dev.osprey.stun.attribute.Fingerprint;
import dev.osprey.stun.attribute.MessageIntegrity;
import dev.osprey.stun.attribute.MessageIntegritySha256;
import dev.osprey.stun.attribute.StunAttribute;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** decode(encode(m)) == m for every attribute class, unknown codes included, with and without protection. */
class StunRoundTripPropertiesTest {

    @Provide
    Arbitrary<StunMessage> messages() {
        return StunArbitraries.messages();
    }

    @Property(tries = 300)
    void plainMessagesRoundTrip(@ForAll("messages") StunMessage m) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            int written = StunEncoder.encode(m, out);
            assertThat(written).isEqualTo(out.readableBytes());
            assertThat(StunHeader.isStunMessage(out)).isTrue();
            assertThat(StunHeader.messageClass(out)).isEqualTo(m.messageClass());
            assertThat(StunHeader.methodCode(out)).isEqualTo(m.method().code());
            assertThat(StunHeader.hasTransactionId(out, m.transactionId())).isTrue();
            assertThat(StunDecoder.decode(out)).isEqualTo(m);
        } finally {
            out.release();
        }
    }

    @Property(tries = 200)
    void protectedMessagesRoundTripAndVerify(@ForAll("messages") StunMessage m, @ForAll boolean sha1,
                                              @ForAll boolean sha256, @ForAll boolean fingerprint) {
        IntegrityKey key = IntegrityKey.shortTerm("pass-" + m.transactionId().low());
        MessageProtection protection = new MessageProtection(sha1 || sha256 ? key : null, sha1, sha256, fingerprint);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer();
        try {
            StunEncoder.encode(m, out, protection);
            StunMessage decoded = StunDecoder.decode(out);
            List<StunAttribute> attrs = decoded.attributes();
            assertThat(attrs.subList(0, m.attributes().size())).isEqualTo(m.attributes());
            List<Class<?>> trailer = new ArrayList<>();
            for (StunAttribute a : attrs.subList(m.attributes().size(), attrs.size())) {
                trailer.add(a.getClass());
            }
            List<Class<?>> expected = new ArrayList<>();
            if (sha1) {
                expected.add(MessageIntegrity.class);
            }
            if (sha256) {
                expected.add(MessageIntegritySha256.class);
            }
            if (fingerprint) {
                expected.add(Fingerprint.class);
            }
            assertThat(trailer).isEqualTo(expected);
            StunIntegrity.Result integrity = StunIntegrity.verify(out, key);
            assertThat(integrity).isEqualTo(sha1 || sha256 ? StunIntegrity.Result.VALID : StunIntegrity.Result.ABSENT);
            assertThat(StunIntegrity.verifyFingerprint(out))
                    .isEqualTo(fingerprint ? StunIntegrity.Result.VALID : StunIntegrity.Result.ABSENT);
            // a decoded protected message re-encodes to identical bytes
            ByteBuf again = PooledByteBufAllocator.DEFAULT.heapBuffer();
            try {
                StunEncoder.encode(decoded, again);
                assertThat(again).isEqualTo(out);
            } finally {
                again.release();
            }
        } finally {
            out.release();
        }
    }
}
