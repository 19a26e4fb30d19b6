package dev.osprey.bench.srtp;

import dev.osprey.srtp.SrtpMasterKey;
import dev.osprey.srtp.SrtpMetrics;
import dev.osprey.srtp.SrtpPolicy;
import dev.osprey.srtp.SrtpProfile;
import dev.osprey.srtp.SrtpSession;
import dev.osprey.srtp.SrtpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Osprey's SRTP transform: protect and unprotect of a 1200-byte RTP packet (12-byte header, 1188-byte payload) in
 * place in a pooled direct buffer, per profile and (for GCM) per AES-GCM engine. Unprotect includes copying a
 * pre-protected packet into the buffer (a 1210/1216-byte memcpy), which protect does not need.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SrtpTransformBenchmark {

    /** GCM on the JDK's AES/GCM, GCM on ECB + table GHASH, and AES-CM + HMAC-SHA1-80. */
    @Param({"GCM_JDK", "GCM_TABLE", "CM_HMAC_SHA1_80"})
    public String transform;

    private static final int PACKET = 1200;
    private static final int STORED = 1024;

    private SrtpSession sender;
    private SrtpSession receiver;
    private ByteBuf buffer;
    private byte[][] protectedPackets;
    private int seq;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SrtpProfile profile = transform.startsWith("GCM") ? SrtpProfile.AEAD_AES_128_GCM
                : SrtpProfile.AES128_CM_HMAC_SHA1_80;
        SrtpPolicy policy = SrtpPolicy.DEFAULT.withAeadEngine(
                transform.equals("GCM_TABLE") ? SrtpPolicy.AeadEngine.TABLE : SrtpPolicy.AeadEngine.JDK);
        Random random = new Random(7);
        byte[] key = new byte[profile.masterKeyLength()];
        byte[] salt = new byte[profile.masterSaltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        SrtpMasterKey master = new SrtpMasterKey(profile, key, salt);
        SrtpMetrics metrics = SrtpMetrics.standalone();
        sender = new SrtpSession(master, policy, metrics);
        receiver = new SrtpSession(master, policy, metrics);
        buffer = PooledByteBufAllocator.DEFAULT.directBuffer(PACKET + 16, PACKET + 16);
        SrtpSession preparer = new SrtpSession(master, policy, metrics);
        protectedPackets = new byte[STORED][];
        for (int i = 0; i < STORED; i++) {
            fillPlain(buffer, i);
            if (preparer.protectRtp(buffer) != SrtpStatus.OK) {
                throw new IllegalStateException("protect failed while preparing");
            }
            protectedPackets[i] = new byte[buffer.readableBytes()];
            buffer.getBytes(0, protectedPackets[i]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        buffer.release();
    }

    /** Protects the packet in place; the sequence number advances so each packet has a fresh index and IV. */
    @Benchmark
    public SrtpStatus protect() {
        ByteBuf b = buffer;
        b.writerIndex(PACKET);
        b.setShort(2, seq++);
        return sender.protectRtp(b);
    }

    /** Copies the next stored SRTP packet into the buffer and unprotects it in place. */
    @Benchmark
    public SrtpStatus unprotect() {
        byte[] packet = protectedPackets[next++ & (STORED - 1)];
        ByteBuf b = buffer;
        b.setBytes(0, packet);
        b.writerIndex(packet.length);
        return receiver.unprotectRtp(b);
    }

    private static void fillPlain(ByteBuf b, int seq) {
        b.clear();
        b.writeByte(0x80).writeByte(96).writeShort(seq).writeInt(seq * 3000).writeInt(0x11223344);
        for (int i = 12; i < PACKET; i++) {
            b.writeByte(i);
        }
    }
}
