package dev.osprey.control.room;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The stable guest identity of {@code /room/guest-join} (bedrud-api.md §2.3): {@code guest-<8 [a-z0-9]>} carried in
 * the cookie {@code bedrud_guest_id} as {@code <id>.<hex HMAC-SHA256(sessionSecret, id)>}, so a guest keeps one
 * identity across joins and cannot pick another guest's.
 */
public final class GuestIdentity {

    public static final String COOKIE = "bedrud_guest_id";
    private static final Pattern ID = Pattern.compile("guest-[a-z0-9]{8}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public GuestIdentity(String sessionSecret) {
        this.secret = sessionSecret.getBytes(StandardCharsets.UTF_8);
    }

    public String newId() {
        StringBuilder b = new StringBuilder("guest-");
        for (int i = 0; i < 8; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    public String cookieValue(String id) {
        return id + "." + sign(id);
    }

    /** The id of a well-formed, correctly signed cookie value, or null. */
    public String verify(String cookie) {
        if (cookie == null) {
            return null;
        }
        int dot = cookie.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String id = cookie.substring(0, dot);
        if (!ID.matcher(id).matches()) {
            return null;
        }
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? id : null;
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
        }
    }
}
