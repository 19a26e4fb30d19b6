package dev.osprey.srtp;

import dev.osprey.srtp.SrtpMetrics.Operation;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;

/**
 * One direction of SRTP and SRTCP under one master key (RFC 3711 §3.2: a cryptographic context per SSRC, sharing
 * the session keys because DTLS-SRTP derives them once). A transport holds two: one with its local key to
 * {@code protect} what it sends, one with the remote key to {@code unprotect} what it receives.
 *
 * <p>Every method works in place on the buffer's readable bytes (a pooled direct buffer on the media path): the
 * packet is copied once into a reused heap array, transformed there by the JDK's AES intrinsics, and the changed
 * bytes are written back. Protect needs {@code writableBytes()} for the tag (and the SRTCP E/index word) and moves the
 * writer index forward; unprotect moves it back. Nothing is allocated per packet and nothing is thrown: a packet that
 * cannot be transformed is reported by an {@link SrtpStatus} other than {@code OK} and counted in {@link SrtpMetrics}.
 *
 * <p>Not thread-safe: a session belongs to the event loop of its transport.
 */
public final class SrtpSession {

    /** The largest packet handled: the largest UDP payload. */
    public static final int MAX_PACKET_BYTES = 65_535;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpProfile profile;
    private final SrtpPolicy policy;
    private final SrtpMetrics metrics;
    private final SrtpCrypto crypto;
    private final IntObjectHashMap<SrtpStream> streams = new IntObjectHashMap<>();
    private byte[] scratch = new byte[2048];

    /**
     * Creates a session, deriving its session keys.
     *
     * @param key     the master key of the sender whose packets this session transforms
     * @param policy  replay protection, stream cap, GCM engine
     * @param metrics where drops are counted
     */
    public SrtpSession(SrtpMasterKey key, SrtpPolicy policy, SrtpMetrics metrics) {
        this(key.profile(), SrtpCrypto.create(key, policy), policy, metrics);
    }

    SrtpSession(SrtpProfile profile, SrtpCrypto crypto, SrtpPolicy policy, SrtpMetrics metrics) {
        this.profile = profile;
        this.policy = policy;
        this.metrics = metrics;
        this.crypto = crypto;
    }

    /** The session's protection profile. */
    public SrtpProfile profile() {
        return profile;
    }

    /** Bytes {@link #protectRtp} appends. */
    public int rtpOverhead() {
        return crypto.rtpTagLength();
    }

    /** Bytes {@link #protectRtcp} appends. */
    public int rtcpOverhead() {
        return crypto.rtcpOverhead();
    }

    /** SSRCs this session keeps state for. */
    public int streamCount() {
        return streams.size();
    }

    /** Encrypts and authenticates one RTP packet in place (RFC 3711 §3.3, RFC 7714 §5). */
    public SrtpStatus protectRtp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        int tag = crypto.rtpTagLength();
        SrtpStatus status = checkRtp(packet, start, length, 0);
        if (status != SrtpStatus.OK) {
            return metrics.count(Operation.PROTECT_RTP, status);
        }
        if (packet.writableBytes() < tag) {
            return metrics.count(Operation.PROTECT_RTP, SrtpStatus.NO_TAIL_ROOM);
        }
        int ssrc = packet.getInt(start + 8);
        SrtpStream stream = streamFor(ssrc);
        if (stream == null) {
            return metrics.count(Operation.PROTECT_RTP, SrtpStatus.TOO_MANY_STREAMS);
        }
        long index = stream.estimateIndex(packet.getUnsignedShort(start + 2));
        int header = rtpHeaderLength(packet, start);
        byte[] pkt = load(packet, start, length, tag);
        if (index < 0 || !crypto.sealRtp(pkt, header, length, ssrc, index)) {
            return metrics.count(Operation.PROTECT_RTP, SrtpStatus.INDEX_EXHAUSTED);
        }
        stream.acceptRtp(index);
        packet.setBytes(start + header, pkt, header, length - header + tag);
        packet.writerIndex(start + length + tag);
        return SrtpStatus.OK;
    }

    /** Authenticates and decrypts one SRTP packet in place (RFC 3711 §3.3, RFC 7714 §5). */
    public SrtpStatus unprotectRtp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        int tag = crypto.rtpTagLength();
        SrtpStatus status = checkRtp(packet, start, length, tag);
        if (status != SrtpStatus.OK) {
            return metrics.count(Operation.UNPROTECT_RTP, status);
        }
        int ssrc = packet.getInt(start + 8);
        SrtpStream stream = streams.get(ssrc);
        if (stream == null && streams.size() >= policy.maxStreams()) {
            return metrics.count(Operation.UNPROTECT_RTP, SrtpStatus.TOO_MANY_STREAMS);
        }
        int seq = packet.getUnsignedShort(start + 2);
        long index = stream == null ? seq : stream.estimateIndex(seq);
        if (index < 0 || policy.replayProtection() && stream != null && stream.isReplayedRtp(index)) {
            return metrics.count(Operation.UNPROTECT_RTP, SrtpStatus.REPLAYED);
        }
        int header = rtpHeaderLength(packet, start);
        int plain = length - tag;
        byte[] pkt = load(packet, start, length, 0);
        if (!crypto.openRtp(pkt, header, plain, ssrc, index)) {
            return metrics.count(Operation.UNPROTECT_RTP, SrtpStatus.AUTH_FAILED);
        }
        if (stream == null) { // only authenticated packets may create state (§3.3.1)
            stream = new SrtpStream();
            streams.put(ssrc, stream);
        }
        stream.acceptRtp(index);
        packet.setBytes(start + header, pkt, header, plain - header);
        packet.writerIndex(start + plain);
        return SrtpStatus.OK;
    }

    /** Encrypts and authenticates one (compound) RTCP packet in place (RFC 3711 §3.4, RFC 7714 §9). */
    public SrtpStatus protectRtcp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        SrtpStatus status = checkRtcp(packet, start, length, 0);
        if (status != SrtpStatus.OK) {
            return metrics.count(Operation.PROTECT_RTCP, status);
        }
        int overhead = crypto.rtcpOverhead();
        if (packet.writableBytes() < overhead) {
            return metrics.count(Operation.PROTECT_RTCP, SrtpStatus.NO_TAIL_ROOM);
        }
        int ssrc = packet.getInt(start + 4);
        SrtpStream stream = streamFor(ssrc);
        if (stream == null) {
            return metrics.count(Operation.PROTECT_RTCP, SrtpStatus.TOO_MANY_STREAMS);
        }
        int index = stream.takeRtcpIndex();
        byte[] pkt = load(packet, start, length, overhead);
        int protectedLength = index < 0 ? -1 : crypto.sealRtcp(pkt, length, ssrc, index);
        if (protectedLength < 0) {
            return metrics.count(Operation.PROTECT_RTCP, SrtpStatus.INDEX_EXHAUSTED);
        }
        packet.setBytes(start + RTCP_HEADER, pkt, RTCP_HEADER, protectedLength - RTCP_HEADER);
        packet.writerIndex(start + protectedLength);
        return SrtpStatus.OK;
    }

    /** Authenticates and decrypts one SRTCP packet in place (RFC 3711 §3.4, RFC 7714 §9). */
    public SrtpStatus unprotectRtcp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        SrtpStatus status = checkRtcp(packet, start, length, crypto.rtcpOverhead());
        if (status != SrtpStatus.OK) {
            return metrics.count(Operation.UNPROTECT_RTCP, status);
        }
        int ssrc = packet.getInt(start + 4);
        SrtpStream stream = streams.get(ssrc);
        if (stream == null && streams.size() >= policy.maxStreams()) {
            return metrics.count(Operation.UNPROTECT_RTCP, SrtpStatus.TOO_MANY_STREAMS);
        }
        int eAndIndex = packet.getInt(start + crypto.rtcpIndexOffset(length));
        int index = eAndIndex & 0x7FFFFFFF;
        if (policy.replayProtection() && stream != null && stream.isReplayedRtcp(index)) {
            return metrics.count(Operation.UNPROTECT_RTCP, SrtpStatus.REPLAYED);
        }
        byte[] pkt = load(packet, start, length, 0);
        int plain = crypto.openRtcp(pkt, length, ssrc, eAndIndex);
        if (plain < 0) {
            return metrics.count(Operation.UNPROTECT_RTCP, SrtpStatus.AUTH_FAILED);
        }
        if (stream == null) {
            stream = new SrtpStream();
            streams.put(ssrc, stream);
        }
        stream.acceptRtcp(index);
        packet.setBytes(start + RTCP_HEADER, pkt, RTCP_HEADER, plain - RTCP_HEADER);
        packet.writerIndex(start + plain);
        return SrtpStatus.OK;
    }

    /** Forgets an SSRC's state (its stream ended), freeing a slot under the cap. */
    public void removeStream(int ssrc) {
        streams.remove(ssrc);
    }

    /** The highest RTP packet index (2^16 * ROC + SEQ) of an SSRC, or -1 when unknown. */
    public long highestIndex(int ssrc) {
        SrtpStream s = streams.get(ssrc);
        return s == null ? -1 : s.highestIndex();
    }

    /** Sets the next SRTCP index to send for an SSRC, creating its state (tests reproduce RFC vectors with it). */
    void nextRtcpIndex(int ssrc, int index) {
        SrtpStream s = streamFor(ssrc);
        if (s != null) {
            s.nextRtcpIndex(index);
        }
    }

    private SrtpStream streamFor(int ssrc) {
        SrtpStream s = streams.get(ssrc);
        if (s == null && streams.size() < policy.maxStreams()) {
            s = new SrtpStream();
            streams.put(ssrc, s);
        }
        return s;
    }

    /** Checks version, size and header length of an RTP packet carrying {@code trailer} bytes after its payload. */
    private static SrtpStatus checkRtp(ByteBuf packet, int start, int length, int trailer) {
        if (length > MAX_PACKET_BYTES) {
            return SrtpStatus.TOO_LARGE;
        }
        if (length < RTP_HEADER + trailer) {
            return SrtpStatus.TRUNCATED;
        }
        if ((packet.getByte(start) & 0xC0) != 0x80) {
            return SrtpStatus.MALFORMED;
        }
        int header = rtpHeaderLength(packet, start);
        return header < 0 || header > length - trailer ? SrtpStatus.MALFORMED : SrtpStatus.OK;
    }

    /**
     * The RTP header length including CSRCs and the header extension (RFC 3550 §5.1, §5.3.1), or -1 when the
     * extension header itself lies beyond the buffer's readable bytes.
     */
    static int rtpHeaderLength(ByteBuf packet, int start) {
        int first = packet.getByte(start);
        int length = RTP_HEADER + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (packet.readableBytes() < length + 4) {
                return -1;
            }
            length += 4 + 4 * packet.getUnsignedShort(start + length + 2);
        }
        return length;
    }

    private static SrtpStatus checkRtcp(ByteBuf packet, int start, int length, int trailer) {
        if (length > MAX_PACKET_BYTES) {
            return SrtpStatus.TOO_LARGE;
        }
        if (length < RTCP_HEADER + trailer) {
            return SrtpStatus.TRUNCATED;
        }
        return (packet.getByte(start) & 0xC0) != 0x80 ? SrtpStatus.MALFORMED : SrtpStatus.OK;
    }

    /** Copies the packet into the scratch array, keeping {@code extra} bytes free after it. */
    private byte[] load(ByteBuf packet, int start, int length, int extra) {
        int needed = length + extra + AeadCipher.TAG_LENGTH;
        if (scratch.length < needed) {
            scratch = new byte[Integer.highestOneBit(needed - 1) << 1];
        }
        packet.getBytes(start, scratch, 0, length);
        return scratch;
    }

    /** Compares {@code len} bytes without an early exit, so timing does not reveal how much of a tag matched. */
    static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
