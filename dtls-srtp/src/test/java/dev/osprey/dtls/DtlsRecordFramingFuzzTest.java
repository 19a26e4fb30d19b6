package dev.osprey.dtls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for DTLS record framing (RFC 6347 §4.1): only {@link DtlsFormatException} may escape, an accepted
 * datagram is whole records end to end, the buffer's indices are untouched and it is released. The corpus under
 * {@code DtlsRecordFramingFuzzTestInputs/validate} runs in every build.
 */
class DtlsRecordFramingFuzzTest {

    @FuzzTest
    void validate(byte[] data) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        try {
            buf.writeBytes(data);
            int records;
            try {
                records = DtlsRecordFraming.validate(buf);
            } catch (DtlsFormatException e) {
                records = -1;
            }
            assertThat(buf.readerIndex()).isZero();
            assertThat(buf.writerIndex()).isEqualTo(data.length);
            if (records > 0) {
                int offset = 0;
                for (int i = 0; i < records; i++) {
                    offset += DtlsRecordFraming.HEADER_LENGTH + buf.getUnsignedShort(offset + 11);
                }
                assertThat(offset).isEqualTo(data.length);
            }
        } finally {
            buf.release();
        }
    }
}
