package dev.osprey.dtls;

import io.netty.buffer.ByteBuf;

/**
 * Checks that a UDP datagram is a sequence of whole DTLS records (RFC 6347 §4.1, RFC 9147 §4 for the legacy header):
 * each record is {@code type(1) version(2) epoch(2) sequence_number(6) length(2) fragment(length)}, the content type
 * is one DTLS 1.2 knows (change_cipher_spec 20, alert 21, handshake 22, application_data 23, heartbeat 24), the
 * version is a DTLS one (major 254) and no record runs past the datagram. Datagrams failing this are dropped before
 * they reach BouncyCastle.
 */
public final class DtlsRecordFraming {

    /** Bytes of a DTLS 1.0/1.2 record header. */
    public static final int HEADER_LENGTH = 13;
    /** Largest fragment a record may carry (RFC 6347 §4.1 via RFC 5246 §6.2.3: 2^14 + 2048). */
    public static final int MAX_FRAGMENT = (1 << 14) + 2048;

    private DtlsRecordFraming() {
    }

    /**
     * Validates the readable bytes of {@code datagram} without changing its indices.
     *
     * @return the number of records in the datagram (at least one)
     * @throws DtlsFormatException when the framing is broken
     */
    public static int validate(ByteBuf datagram) {
        int index = datagram.readerIndex();
        int end = datagram.writerIndex();
        if (index == end) {
            throw new DtlsFormatException("empty datagram");
        }
        int records = 0;
        while (index < end) {
            if (end - index < HEADER_LENGTH) {
                throw new DtlsFormatException("truncated record header");
            }
            int type = datagram.getUnsignedByte(index);
            if (type < 20 || type > 24) {
                throw new DtlsFormatException("unknown content type " + type);
            }
            if (datagram.getUnsignedByte(index + 1) != 0xFE) {
                throw new DtlsFormatException("not a DTLS record version");
            }
            int length = datagram.getUnsignedShort(index + 11);
            if (length > MAX_FRAGMENT) {
                throw new DtlsFormatException("record fragment longer than 2^14 + 2048");
            }
            if (length > end - index - HEADER_LENGTH) {
                throw new DtlsFormatException("record runs past the datagram");
            }
            index += HEADER_LENGTH + length;
            records++;
        }
        return records;
    }
}
