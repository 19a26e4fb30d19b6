package dev.osprey.sctp.chunk;

import dev.osprey.sctp.SctpParseException;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * A parameter of a RE-CONFIG chunk (RFC 6525 §4). The association acts on outgoing SSN reset requests and on
 * responses; the other request types are parsed so they can be answered ("Denied") or skipped.
 */
public sealed interface ReConfigParameter {

    int type();

    /** Length without padding, header included. */
    int length();

    void writeValue(ByteBuf out);

    default int paddedLength() {
        return (length() + 3) & ~3;
    }

    default void encode(ByteBuf out) {
        out.writeShort(type());
        out.writeShort(length());
        writeValue(out);
        out.writeZero(paddedLength() - length());
    }

    /** RFC 6525 §4.1: asks the peer to reset its incoming side of our outgoing streams (empty list: all). */
    record OutgoingSsnResetRequest(long requestSeq, long responseSeq, long lastAssignedTsn, List<Integer> streams)
            implements ReConfigParameter {
        public OutgoingSsnResetRequest {
            streams = List.copyOf(streams);
            checkStreams(streams);
        }

        @Override
        public int type() {
            return ParameterType.OUTGOING_SSN_RESET_REQUEST;
        }

        @Override
        public int length() {
            return 16 + 2 * streams.size();
        }

        @Override
        public void writeValue(ByteBuf out) {
            out.writeInt((int) requestSeq);
            out.writeInt((int) responseSeq);
            out.writeInt((int) lastAssignedTsn);
            streams.forEach(out::writeShort);
        }
    }

    /** RFC 6525 §4.2: asks the peer to reset its outgoing streams towards us. */
    record IncomingSsnResetRequest(long requestSeq, List<Integer> streams) implements ReConfigParameter {
        public IncomingSsnResetRequest {
            streams = List.copyOf(streams);
            checkStreams(streams);
        }

        @Override
        public int type() {
            return ParameterType.INCOMING_SSN_RESET_REQUEST;
        }

        @Override
        public int length() {
            return 8 + 2 * streams.size();
        }

        @Override
        public void writeValue(ByteBuf out) {
            out.writeInt((int) requestSeq);
            streams.forEach(out::writeShort);
        }
    }

    /**
     * RFC 6525 §4.4: the answer to a request. The two TSN fields are present only in answers to SSN/TSN reset
     * requests ({@code hasNextTsns}).
     */
    record ReConfigResponse(long responseSeq, long result, boolean hasNextTsns, long senderNextTsn,
                            long receiverNextTsn) implements ReConfigParameter {
        public static final long SUCCESS_NOTHING_TO_DO = 0;
        public static final long SUCCESS_PERFORMED = 1;
        public static final long DENIED = 2;
        public static final long ERROR_WRONG_SSN = 3;
        public static final long ERROR_REQUEST_IN_PROGRESS = 4;
        public static final long ERROR_BAD_SEQUENCE_NUMBER = 5;
        public static final long IN_PROGRESS = 6;

        public static ReConfigResponse of(long responseSeq, long result) {
            return new ReConfigResponse(responseSeq, result, false, 0, 0);
        }

        @Override
        public int type() {
            return ParameterType.RECONFIGURATION_RESPONSE;
        }

        @Override
        public int length() {
            return hasNextTsns ? 20 : 12;
        }

        @Override
        public void writeValue(ByteBuf out) {
            out.writeInt((int) responseSeq);
            out.writeInt((int) result);
            if (hasNextTsns) {
                out.writeInt((int) senderNextTsn);
                out.writeInt((int) receiverNextTsn);
            }
        }
    }

    /** Any other RE-CONFIG parameter (SSN/TSN reset, add streams): kept raw, answered "Denied" when it is a request. */
    record OtherReConfigParameter(int type, OpaqueValue value) implements ReConfigParameter {
        @Override
        public int length() {
            return 4 + value.length();
        }

        @Override
        public void writeValue(ByteBuf out) {
            value.writeTo(out);
        }

        /** RFC 6525 §4.3, §4.5, §4.6: these start with a Re-configuration Request Sequence Number. */
        public long requestSeqOrMinusOne() {
            byte[] b = value.toByteArray();
            return b.length < 4 ? -1 : java.nio.ByteBuffer.wrap(b).getInt() & 0xFFFFFFFFL;
        }
    }

    private static void checkStreams(List<Integer> streams) {
        for (int s : streams) {
            if (s < 0 || s > 0xFFFF) {
                throw new IllegalArgumentException("stream " + s);
            }
        }
    }

    static ReConfigParameter decode(ByteBuf buf, int index, int length) throws SctpParseException {
        int type = buf.getUnsignedShort(index);
        int v = index + 4;
        int valueLength = length - 4;
        switch (type) {
            case ParameterType.OUTGOING_SSN_RESET_REQUEST -> {
                requireStreamList(valueLength, 12);
                return new OutgoingSsnResetRequest(buf.getUnsignedInt(v), buf.getUnsignedInt(v + 4),
                        buf.getUnsignedInt(v + 8), readStreams(buf, v + 12, valueLength - 12));
            }
            case ParameterType.INCOMING_SSN_RESET_REQUEST -> {
                requireStreamList(valueLength, 4);
                return new IncomingSsnResetRequest(buf.getUnsignedInt(v), readStreams(buf, v + 4, valueLength - 4));
            }
            case ParameterType.RECONFIGURATION_RESPONSE -> {
                if (valueLength != 8 && valueLength != 16) {
                    throw new SctpParseException("Re-configuration Response length " + length);
                }
                boolean tsns = valueLength == 16;
                return new ReConfigResponse(buf.getUnsignedInt(v), buf.getUnsignedInt(v + 4), tsns,
                        tsns ? buf.getUnsignedInt(v + 8) : 0, tsns ? buf.getUnsignedInt(v + 12) : 0);
            }
            default -> {
                return new OtherReConfigParameter(type, OpaqueValue.copyOf(buf, v, valueLength));
            }
        }
    }

    private static void requireStreamList(int valueLength, int fixed) throws SctpParseException {
        if (valueLength < fixed || ((valueLength - fixed) & 1) != 0) {
            throw new SctpParseException("SSN reset request length " + (valueLength + 4));
        }
    }

    private static List<Integer> readStreams(ByteBuf buf, int index, int length) {
        Integer[] streams = new Integer[length / 2];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = buf.getUnsignedShort(index + 2 * i);
        }
        return List.of(streams);
    }
}
