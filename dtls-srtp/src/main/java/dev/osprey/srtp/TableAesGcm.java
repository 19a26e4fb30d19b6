package dev.osprey.srtp;

/**
 * AES-GCM (NIST SP 800-38D) composed of {@link AesCounterMode} for GCTR and {@link Ghash} for the tag, with no
 * allocation per packet. The counter block J0 = IV || 0^31 || 1 (§7.1, 96-bit IV); its encryption masks the tag and
 * the data is encrypted from inc32(J0).
 */
final class TableAesGcm implements AeadCipher {

    private final AesCounterMode ctr;
    private final Ghash ghash;
    private final byte[] tag = new byte[TAG_LENGTH];
    private final byte[] counterPrefix = new byte[16];

    TableAesGcm(byte[] key) {
        ctr = new AesCounterMode(key);
        byte[] h = new byte[16];
        ctr.encryptBlock(new byte[16], h);
        ghash = new Ghash(h);
    }

    @Override
    public boolean seal(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] data, int off, int len) {
        byte[] ks = keystream(iv, len);
        AesCounterMode.xor(ks, 16, data, off, len);
        hash(aad, aadOff, aadLen, data, off, len);
        ghash.finish(ks, 0, data, off + len);
        return true;
    }

    @Override
    public boolean open(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] data, int off, int len) {
        hash(aad, aadOff, aadLen, data, off, len);
        byte[] ks = keystream(iv, len);
        ghash.finish(ks, 0, tag, 0);
        if (!SrtpSession.constantTimeEquals(tag, 0, data, off + len, TAG_LENGTH)) {
            return false;
        }
        AesCounterMode.xor(ks, 16, data, off, len);
        return true;
    }

    /** Keystream blocks J0, inc32(J0), ...: block 0 masks the tag, the rest encrypt the data. */
    private byte[] keystream(byte[] iv, int len) {
        System.arraycopy(iv, 0, counterPrefix, 0, 12);
        return ctr.keystream(counterPrefix, 1, 1 + ((len + 15) >>> 4));
    }

    private void hash(byte[] aad, int aadOff, int aadLen, byte[] text, int off, int len) {
        ghash.reset();
        ghash.update(aad, aadOff, aadLen);
        ghash.update(text, off, len);
        ghash.lengths(aadLen, len);
    }
}
