package dev.osprey.signaling.data;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import livekit.LivekitModels.DataPacket;

import java.io.IOException;

/**
 * Data channel messages ⇄ LiveKit {@code DataPacket}s ({@code livekit_models.proto}, the generated classes of
 * {@code io.livekit:livekit-server}). Decoding reads the message in place, keeps no reference to it and throws
 * nothing but {@link DataPacketException}; fields this protocol version does not know are kept, so a newer client's
 * packet is forwarded whole.
 */
public final class DataPacketCodec {
    private DataPacketCodec() {
    }

    /** One message as a data channel delivered it; the buffer is not consumed or released. */
    public static DataPacket decode(ByteBuf message) throws DataPacketException {
        try {
            return DataPacket.parseFrom(CodedInputStream.newInstance(message.nioBuffer()));
        } catch (IOException | RuntimeException e) {
            throw new DataPacketException("malformed DataPacket", e);
        }
    }

    /** Serialises {@code packet} into one pooled buffer (the caller owns it), encoded once for every receiver. */
    public static ByteBuf encode(DataPacket packet, ByteBufAllocator alloc) {
        int size = packet.getSerializedSize();
        ByteBuf out = alloc.heapBuffer(size);
        try {
            CodedOutputStream stream = CodedOutputStream.newInstance(out.array(), out.arrayOffset() + out.writerIndex(),
                    size);
            packet.writeTo(stream);
            stream.checkNoSpaceLeft();
            out.writerIndex(out.writerIndex() + size);
            return out;
        } catch (IOException | RuntimeException e) {
            out.release();
            throw new IllegalStateException("cannot serialise a DataPacket", e);
        }
    }
}
