package dev.osprey.control.auth;

import dev.osprey.control.http.ApiException;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Bedrud's input rules for e-mail addresses, display names and passwords, with its error texts. */
public final class Inputs {

    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");

    private Inputs() {
    }

    /** The canonical address (NFKC, trimmed, lowercase, punycode domain) or 400 {@code Invalid email format}. */
    public static String canonicalEmail(String raw) {
        String email = canonicalOrNull(raw);
        if (email == null) {
            throw ApiException.badRequest("Invalid email format");
        }
        return email;
    }

    /** As {@link #canonicalEmail} but null for an invalid address (login and resend never reveal why). */
    public static String canonicalOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        String email = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.length() > 254) {
            return null;
        }
        String local = email.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(email.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches() || local.startsWith(".")
                || local.endsWith(".") || local.contains("..") || !DOMAIN.matcher(domain).matches()) {
            return null;
        }
        return local + "@" + domain;
    }

    /** Strips control characters and {@code <>&"'}, then trims (Bedrud's name sanitizer). */
    public static String sanitizeName(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> !Character.isISOControl(cp) && "<>&\"'".indexOf(cp) < 0)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** A sanitized account name of 2–255 characters. */
    public static String accountName(String raw) {
        String name = sanitizeName(raw);
        int length = name.codePointCount(0, name.length());
        if (length < 2) {
            throw ApiException.badRequest("Name must be at least 2 characters");
        }
        if (length > 255) {
            throw ApiException.badRequest("Name must be at most 255 characters");
        }
        return name;
    }

    /** 12–128 characters. */
    public static void checkPassword(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < 12) {
            throw ApiException.badRequest("Password must be at least 12 characters");
        }
        if (length > 128) {
            throw ApiException.badRequest("Password must be at most 128 characters");
        }
    }
}
