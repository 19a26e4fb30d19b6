package dev.osprey.control.auth;

import dev.osprey.control.db.User;
import dev.osprey.control.http.Times;

import java.util.LinkedHashMap;
import java.util.Map;

/** The user object of Bedrud's JSON (bedrud-api.md §4); password and refresh token are never included. */
public final class UserJson {

    private UserJson() {
    }

    public static Map<String, Object> full(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("email", u.email());
        m.put("name", u.name());
        m.put("provider", u.provider());
        m.put("avatarUrl", u.avatarUrl());
        m.put("accesses", u.accesses());
        m.put("isActive", u.active());
        m.put("emailVerifiedAt", Times.rfc3339(u.emailVerifiedAt()));
        m.put("passwordChangedAt", Times.rfc3339(u.passwordChangedAt()));
        m.put("createdAt", Times.rfc3339(u.createdAt()));
        m.put("updatedAt", Times.rfc3339(u.updatedAt()));
        return m;
    }

    /** The profile object of {@code PUT /auth/me} and the avatar routes. */
    public static Map<String, Object> profile(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("email", u.email());
        m.put("provider", u.provider());
        m.put("accesses", u.accesses());
        m.put("avatarUrl", u.avatarUrl());
        return m;
    }
}
