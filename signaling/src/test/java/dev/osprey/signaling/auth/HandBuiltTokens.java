package dev.osprey.signaling.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Compact JWS built byte by byte, for the tokens no well-behaved SDK would mint. */
public final class HandBuiltTokens {

    private HandBuiltTokens() {
    }

    public static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code header.payload.signature} with the signature computed by {@code jcaMac} keyed by {@code secret}. */
    public static String signed(String headerJson, String payloadJson, String jcaMac, String secret) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance(jcaMac);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaMac));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(String payloadJson, String secret) {
        return signed("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadJson, "HmacSHA256", secret);
    }
}
