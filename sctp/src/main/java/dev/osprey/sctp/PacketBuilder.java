package dev.osprey.sctp;

import dev.osprey.sctp.chunk.Chunk;
import dev.osprey.sctp.chunk.SctpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Bundles chunks into packets of at most {@code maxPacketBytes} (RFC 9260 §6.10): control chunks first, then DATA.
 * Each packet is one pooled buffer, checksummed and handed to the {@link PacketSender}, which owns it from then on.
 */
final class PacketBuilder {
    private final ByteBufAllocator allocator;
    private final PacketSender sender;
    private final SctpCounters counters;
    private final int maxPacketBytes;
    private final int localPort;
    private final int remotePort;
    private ByteBuf current;
    private int start;
    private long tag;

    PacketBuilder(ByteBufAllocator allocator, PacketSender sender, SctpCounters counters, SctpSettings settings) {
        this.allocator = allocator;
        this.sender = sender;
        this.counters = counters;
        this.maxPacketBytes = settings.maxPacketBytes();
        this.localPort = settings.localPort();
        this.remotePort = settings.remotePort();
    }

    /** Starts bundling for packets carrying {@code verificationTag}. */
    void begin(long verificationTag) {
        finish();
        tag = verificationTag;
    }

    void add(Chunk chunk) {
        ensureRoom(chunk.paddedLength());
        chunk.encode(current);
    }

    void add(OutboundChunk chunk) {
        ensureRoom(chunk.encodedLength());
        chunk.encode(current);
    }

    /** Room left in the packet being built (a full packet's worth when none is open). */
    int room() {
        return current == null ? maxPacketBytes - SctpPacket.COMMON_HEADER_LENGTH
                : maxPacketBytes - (current.writerIndex() - start);
    }

    /** Sends {@code chunk} alone in a packet with its own tag (INIT, INIT ACK, COOKIE ECHO, ABORT, ...). */
    void sendAlone(Chunk chunk, long verificationTag) {
        long saved = tag;
        begin(verificationTag);
        add(chunk);
        finish();
        tag = saved;
    }

    private void ensureRoom(int length) {
        if (current != null && current.writerIndex() - start + length > maxPacketBytes) {
            finish();
        }
        if (current == null) {
            // a chunk larger than the packet size (an echoed heartbeat info) still goes out, alone
            current = allocator.directBuffer(Math.max(maxPacketBytes, SctpPacket.COMMON_HEADER_LENGTH + length));
            start = current.writerIndex();
            SctpPacket.writeHeader(current, localPort, remotePort, tag);
        }
    }

    /** Checksums and sends the open packet, if any. */
    void finish() {
        if (current == null) {
            return;
        }
        ByteBuf packet = current;
        current = null;
        SctpPacket.writeChecksum(packet, start);
        counters.increment(SctpCounter.PACKETS_SENT);
        sender.sendPacket(packet);
    }
}
