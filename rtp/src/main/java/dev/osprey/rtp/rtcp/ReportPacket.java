package dev.osprey.rtp.rtcp;

/**
 * The part SR and RR share (RFC 3550 §6.4): the reporter's SSRC, {@code RC} report blocks at a fixed position, and
 * optional profile-specific extension bytes after them. Block getters take the block index {@code 0 <= i < RC}.
 */
public abstract class ReportPacket extends RtcpPacketView {

    protected ReportPacket(int packetType) {
        super(packetType);
    }

    /** Offset of the first report block from the start of the packet. */
    protected abstract int blocksOffset();

    @Override
    protected String validateBody() {
        if (length < blocksOffset() + ReportBlock.LENGTH * count()) {
            return count() + " report blocks do not fit " + length + " bytes";
        }
        return null;
    }

    /** SSRC of the packet's sender. */
    public final int ssrc() {
        return buf.getInt(offset + 4);
    }

    /** Number of report blocks (RC). */
    public final int reportCount() {
        return count();
    }

    private int block(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("report block " + i + " of " + count());
        }
        return offset + blocksOffset() + ReportBlock.LENGTH * i;
    }

    public final int blockSsrc(int i) {
        return buf.getInt(block(i));
    }

    public final int fractionLost(int i) {
        return buf.getUnsignedByte(block(i) + 4);
    }

    /** Signed 24-bit cumulative number of packets lost. */
    public final int cumulativeLost(int i) {
        return buf.getMedium(block(i) + 5);
    }

    public final long extendedHighestSequence(int i) {
        return buf.getUnsignedInt(block(i) + 8);
    }

    public final long jitter(int i) {
        return buf.getUnsignedInt(block(i) + 12);
    }

    public final long lastSenderReport(int i) {
        return buf.getUnsignedInt(block(i) + 16);
    }

    public final long delaySinceLastSenderReport(int i) {
        return buf.getUnsignedInt(block(i) + 20);
    }

    /** Absolute index of the profile-specific extension after the blocks. */
    public final int extensionOffset() {
        return offset + blocksOffset() + ReportBlock.LENGTH * count();
    }

    /** Bytes of profile-specific extension (0 normally). */
    public final int extensionLength() {
        return offset + length - extensionOffset();
    }

    static void checkBlockCount(ReportBlock[] blocks) {
        if (blocks.length > 31) {
            throw new IllegalArgumentException("at most 31 report blocks per packet, got " + blocks.length);
        }
    }
}
