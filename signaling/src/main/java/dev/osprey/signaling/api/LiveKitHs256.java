package dev.osprey.signaling.api;

import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * HS256 (RFC 7518 §3.2) as LiveKit keys it: the API secret's UTF-8 bytes, whatever their length. jjwt's own HS256
 * insists on 256-bit keys, but {@code livekit-server --dev} and every LiveKit tutorial use the secret
 * {@code secret}, so tokens, server-API calls and webhooks signed with such keys must be minted and verified.
 * Pass {@link #INSTANCE} to jjwt's {@code signWith(key, alg)} or a parser's {@code sig().add(...)}; verification
 * compares in constant time. Whether a short secret is acceptable is the operator's choice, warned about at start.
 */
public final class LiveKitHs256 implements SecureDigestAlgorithm<SecretKey, SecretKey> {
    public static final LiveKitHs256 INSTANCE = new LiveKitHs256();
    private static final String JCA_NAME = "HmacSHA256";

    private LiveKitHs256() {
    }

    /** The signing/verification key for an API secret as configured. */
    public static SecretKey key(String apiSecret) {
        return new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), JCA_NAME);
    }

    @Override
    public String getId() {
        return "HS256";
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
