package dev.osprey.dtls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DtlsRecordFramingTest {

    /** Two records in one datagram: a 2-byte alert and a 1-byte change_cipher_spec, DTLS 1.2. */
    private static final String TWO_RECORDS = "15fefd000000000000000000020102" + "14fefd00000000000000000001" + "01";

    @Test
    void countsWholeRecords() {
        assertThat(validate(TWO_RECORDS)).isEqualTo(2);
    }

    @Test
    void rejectsBrokenFraming() {
        assertThatThrownBy(() -> validate("")).isInstanceOf(DtlsFormatException.class);
        assertThatThrownBy(() -> validate("16fefd0000")).isInstanceOf(DtlsFormatException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> validate("19fefd000000000000000000020102")).isInstanceOf(DtlsFormatException.class)
                .hasMessageContaining("content type");
        assertThatThrownBy(() -> validate("150303000000000000000000020102")).isInstanceOf(DtlsFormatException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> validate("15fefd000000000000000000030102")).isInstanceOf(DtlsFormatException.class)
                .hasMessageContaining("past");
        assertThatThrownBy(() -> validate(TWO_RECORDS + "15")).isInstanceOf(DtlsFormatException.class);
    }

    @Test
    void fingerprintsParseAndPrintAsSdpDoes() {
        CertificateFingerprint f = DtlsCertificate.generate().fingerprint();
        assertThat(CertificateFingerprint.parse(f.sdpValue())).isEqualTo(f);
        assertThat(CertificateFingerprint.parse(f.sdpValue().toLowerCase())).isEqualTo(f);
        assertThat(f.sdpValue()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256")).isInstanceOf(DtlsFormatException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256 AB:CD")).isInstanceOf(DtlsFormatException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("md5 AB:CD")).isInstanceOf(DtlsFormatException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-1 ZZ:" + "00:".repeat(18) + "00"))
                .isInstanceOf(DtlsFormatException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse(null)).isInstanceOf(DtlsFormatException.class);
    }

    @Test
    void loadedPemRejectsGarbage() {
        assertThatThrownBy(() -> DtlsCertificate.load("not pem", "not pem")).isInstanceOf(DtlsFormatException.class);
    }

    private static int validate(String hex) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        try {
            return DtlsRecordFraming.validate(buf);
        } finally {
            buf.release();
        }
    }
}
