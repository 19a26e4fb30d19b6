package dev.osprey.media.api;

import java.util.random.RandomGenerator;

/**
 * LiveKit-style server ids (livekit-protocol.md §2.1): a type prefix such as {@code RM_}, then 12 base62 characters.
 * Clients branch on the prefix ({@code startsWith('TR')}, {@code startsWith('PA')}), so the shape matters.
 */
final class Sids {
    static final int RANDOM_LENGTH = 12;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Longest sid accepted from outside: generous, but bounded so a hostile string is not kept around. */
    private static final int MAX_LENGTH = 64;

    private Sids() {
    }

    static String generate(String prefix, RandomGenerator random) {
        char[] chars = new char[prefix.length() + RANDOM_LENGTH];
        prefix.getChars(0, prefix.length(), chars, 0);
        for (int i = prefix.length(); i < chars.length; i++) {
            chars[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(chars);
    }

    /** Checks {@code sid} is the prefix followed by 1..61 base62 characters. */
    static String check(String prefix, String sid) {
        if (sid == null || sid.length() <= prefix.length() || sid.length() > MAX_LENGTH || !sid.startsWith(prefix)) {
            throw new IllegalArgumentException("not a " + prefix + " sid: " + sid);
        }
        for (int i = prefix.length(); i < sid.length(); i++) {
            if (BASE62.indexOf(sid.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a " + prefix + " sid: " + sid);
            }
        }
        return sid;
    }
}
