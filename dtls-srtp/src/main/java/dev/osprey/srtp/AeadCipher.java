package dev.osprey.srtp;

/**
 * AES-GCM as SRTP uses it (RFC 7714 §5): a 12-byte IV, a 16-byte tag written right after the ciphertext, encryption
 * in place. Implementations keep every working buffer between packets; {@code open} reports a forgery by returning
 * {@code false} and leaves the data unspecified.
 */
interface AeadCipher {

    /** Tag length of every SRTP GCM profile (RFC 7714 §14.2). */
    int TAG_LENGTH = 16;

    /**
     * Encrypts {@code data[off, off+len)} in place and writes the tag to {@code data[off+len, off+len+16)}.
     *
     * @return false when the underlying cipher refused (counted as a protect failure by the caller)
     */
    boolean seal(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] data, int off, int len);

    /**
     * Checks the tag at {@code data[off+len, off+len+16)} and decrypts {@code data[off, off+len)} in place.
     *
     * @return false when the tag does not authenticate
     */
    boolean open(byte[] iv, byte[] aad, int aadOff, int aadLen, byte[] data, int off, int len);
}
