package dev.osprey.srtp;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The packet-level known answers: RFC 3711 B.2, the CM/HMAC packet from the B.3 key, RFC 7714 §16/§17. */
class SrtpVectorTest {

    private final SrtpMetrics metrics = SrtpMetrics.standalone();

    @Test
    void rfc3711AppendixB2Keystream() {
        HexVectors v = HexVectors.load("rfc3711-b2-aes-cm.properties");
        AesCounterMode ctr = new AesCounterMode(v.bytes("session_key"));
        byte[] iv = Arrays.copyOf(v.bytes("session_salt"), 16); // SSRC 0 and index 0 leave the salt as it is
        int blocks = 0xff02;
        byte[] zeros = new byte[blocks * 16];
        ctr.apply(iv, (int) AesCounterMode.INT_BE.get(iv, 12), zeros, 0, zeros.length);
        for (String n : new String[] {"0000", "0001", "0002", "feff", "ff00", "ff01"}) {
            int block = Integer.parseInt(n, 16);
            assertThat(Arrays.copyOfRange(zeros, block * 16, block * 16 + 16)).as(n).isEqualTo(v.bytes("keystream." + n));
        }
    }

    @Test
    void cmHmacSha180PacketFromMasterKey() {
        HexVectors v = HexVectors.load("aes-cm-hmac-sha1-80-packet.properties");
        SrtpMasterKey key = new SrtpMasterKey(SrtpProfile.AES128_CM_HMAC_SHA1_80, v.bytes("master_key"),
                v.bytes("master_salt"));
        ByteBuf buf = HexVectors.direct(v.bytes("plain"), 10);
        try {
            assertThat(new SrtpSession(key, SrtpPolicy.DEFAULT, metrics).protectRtp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(v.bytes("protected"));
            assertThat(new SrtpSession(key, SrtpPolicy.DEFAULT, metrics).unprotectRtp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(v.bytes("plain"));
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpPolicy.AeadEngine.class)
    void rfc7714RtpVector(SrtpPolicy.AeadEngine engine) {
        HexVectors v = HexVectors.load("rfc7714-gcm.properties");
        SrtpPolicy policy = SrtpPolicy.DEFAULT.withAeadEngine(engine);
        ByteBuf buf = HexVectors.direct(v.bytes("rtp.plain"), 16);
        try {
            assertThat(gcmSession(v, policy).protectRtp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(v.bytes("rtp.protected"));
            assertThat(gcmSession(v, policy).unprotectRtp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(v.bytes("rtp.plain"));
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpPolicy.AeadEngine.class)
    void rfc7714RtcpVector(SrtpPolicy.AeadEngine engine) {
        HexVectors v = HexVectors.load("rfc7714-gcm.properties");
        SrtpPolicy policy = SrtpPolicy.DEFAULT.withAeadEngine(engine);
        ByteBuf buf = HexVectors.direct(v.bytes("rtcp.plain"), 20);
        try {
            SrtpSession sender = gcmSession(v, policy);
            sender.nextRtcpIndex(0x4d617273, (int) AesCounterMode.INT_BE.get(v.bytes("rtcp.index"), 0));
            assertThat(sender.protectRtcp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(v.bytes("rtcp.protected"));
            assertThat(gcmSession(v, policy).unprotectRtcp(buf)).isEqualTo(SrtpStatus.OK);
            assertThat(HexVectors.readable(buf)).isEqualTo(v.bytes("rtcp.plain"));
        } finally {
            buf.release();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpPolicy.AeadEngine.class)
    void rfc7714TamperedCiphertextFailsAuthentication(SrtpPolicy.AeadEngine engine) {
        HexVectors v = HexVectors.load("rfc7714-gcm.properties");
        byte[] tampered = v.bytes("rtp.protected");
        tampered[20] ^= 1;
        ByteBuf buf = HexVectors.direct(tampered, 0);
        try {
            SrtpSession receiver = gcmSession(v, SrtpPolicy.DEFAULT.withAeadEngine(engine));
            assertThat(receiver.unprotectRtp(buf)).isEqualTo(SrtpStatus.AUTH_FAILED);
            assertThat(metrics.dropped(SrtpMetrics.Operation.UNPROTECT_RTP, SrtpStatus.AUTH_FAILED)).isEqualTo(1);
            assertThat(receiver.streamCount()).as("forgeries create no state").isZero();
        } finally {
            buf.release();
        }
    }

    private SrtpSession gcmSession(HexVectors v, SrtpPolicy policy) {
        GcmCrypto crypto = new GcmCrypto(v.bytes("session_key"), v.bytes("session_salt"), policy.aeadEngine());
        return new SrtpSession(SrtpProfile.AEAD_AES_128_GCM, crypto, policy, metrics);
    }
}
