package dev.osprey.ice;

import dev.osprey.stun.IntegrityKey;
import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunDecoder;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.IceControlled;
import dev.osprey.stun.attribute.IceControlling;
import dev.osprey.stun.attribute.Priority;
import dev.osprey.stun.attribute.StunAttribute;
import dev.osprey.stun.attribute.UseCandidate;
import dev.osprey.stun.attribute.Username;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Builds connectivity checks the way a controlling full agent does (RFC 8445 §7.2.2), with this project's codec. */
final class Checks {
    private Checks() {
    }

    static byte[] request(IceCredentials local, String remoteUfrag, String password, boolean useCandidate,
                          StunAttribute... extra) {
        StunMessage.Builder b = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username(local.ufrag() + ":" + remoteUfrag))
                .add(new Priority(0x6E7F1EFFL))
                .add(new IceControlling(0x1122334455667788L));
        if (useCandidate) {
            b.add(UseCandidate.INSTANCE);
        }
        for (StunAttribute a : extra) {
            b.add(a);
        }
        return encode(b.build(), MessageProtection.integrity(IntegrityKey.shortTerm(password)).withFingerprint());
    }

    static byte[] check(IceCredentials local, boolean useCandidate) {
        return request(local, "peer", local.password(), useCandidate);
    }

    /** A check from a peer that also believes it is controlled (a role conflict for a lite agent). */
    static byte[] controlledCheck(IceCredentials local) {
        StunMessage m = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random())
                .add(new Username(local.ufrag() + ":peer"))
                .add(new Priority(100))
                .add(new IceControlled(42))
                .build();
        return encode(m, MessageProtection.integrity(IntegrityKey.shortTerm(local.password())).withFingerprint());
    }

    static byte[] encode(StunMessage m, MessageProtection protection) {
        ByteBuf out = Unpooled.buffer();
        try {
            StunEncoder.encode(m, out, protection);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static StunMessage decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        try {
            return StunDecoder.decode(in);
        } finally {
            in.release();
        }
    }

    static TransactionId transactionId(byte[] request) {
        return decode(request).transactionId();
    }

    /** An RTP-looking packet (version 2, first byte 0x80) carrying a marker byte. */
    static byte[] rtp(int marker) {
        byte[] b = new byte[16];
        b[0] = (byte) 0x80;
        b[1] = 96;
        b[15] = (byte) marker;
        return b;
    }
}
