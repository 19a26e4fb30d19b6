package dev.osprey.signaling.auth;

import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HMAC using SHA-256 (RFC 7518, section 3.2) without jjwt's 256-bit minimum key size. LiveKit keys its tokens with
 * the API secret as it is configured, and {@code livekit-server --dev} uses the six-byte secret {@code secret}; a
 * compatible server must verify those tokens, so the minimum becomes the operator's business (the verifier warns
 * about short secrets at start). Verification compares in constant time.
 */
final class Hs256 implements SecureDigestAlgorithm<SecretKey, SecretKey> {

    static final String ID = "HS256";
    static final String JCA_NAME = "HmacSHA256";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public byte[] digest(SecureRequest<InputStream, SecretKey> request) {
        try {
            Mac mac = Mac.getInstance(JCA_NAME);
            mac.init(request.getKey());
            return mac.doFinal(request.getPayload().readAllBytes());
        } catch (GeneralSecurityException | IOException e) {
            throw new SignatureException("cannot compute HS256", e);
        }
    }

    @Override
    public boolean verify(VerifySecureDigestRequest<SecretKey> request) {
        return MessageDigest.isEqual(digest(request), request.getDigest());
    }
}
