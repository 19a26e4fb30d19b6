package dev.osprey.stun;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.osprey.stun.attribute.Fingerprint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for every parser of this module on arbitrary bytes: the decoder, the integrity and fingerprint
 * checks and the scanner may only refuse with {@link StunParseException} or a result value, and whatever decodes
 * re-encodes to a message that decodes to the same value. The corpus under
 * {@code StunDecoderFuzzTestInputs/decode} runs as a regression test in every build.
 */
class StunDecoderFuzzTest {
    private static final IntegrityKey KEY = IntegrityKey.shortTerm("VOkJxbRl1RmTxUk/WvJxBt");

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        ByteBuf buf = Unpooled.directBuffer(input.length);
        buf.writeBytes(input);
        try {
            StunIntegrity.verify(buf, KEY);
            StunIntegrity.verifyFingerprint(buf);
            AttributeScanner.find(buf, StunAttributeType.USERNAME.code());
            StunMessage m;
            try {
                m = StunDecoder.decode(buf);
            } catch (StunParseException expected) {
                return;
            }
            assertThat(buf.readerIndex()).isZero();
            // FINGERPRINT covers padding and ignored attributes, which re-encoding drops, so it is left out here
            StunMessage withoutFingerprint = new StunMessage(m.messageClass(), m.method(), m.transactionId(),
                    m.attributes().stream().filter(a -> !(a instanceof Fingerprint)).toList());
            ByteBuf again = Unpooled.buffer();
            try {
                StunEncoder.encode(withoutFingerprint, again);
                assertThat(StunDecoder.decode(again)).isEqualTo(withoutFingerprint);
            } finally {
                again.release();
            }
        } finally {
            buf.release();
        }
    }
}
