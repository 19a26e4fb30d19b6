package dev.osprey.control.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Bedrud keeps a user's access levels as a PostgreSQL array literal ({@code {user,superadmin}}) in a text column;
 * Osprey stores the same literal so that a migrated Bedrud table reads unchanged. Levels never contain commas,
 * quotes or braces (they come from a closed set), so no quoting is needed.
 */
public final class Accesses {

    private Accesses() {
    }

    public static String encode(List<String> accesses) {
        return "{" + String.join(",", accesses) + "}";
    }

    public static List<String> decode(String literal) {
        if (literal == null) {
            return List.of();
        }
        String body = literal.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : body.split(",")) {
            String level = part.strip().replace("\"", "");
            if (!level.isEmpty() && !out.contains(level)) {
                out.add(level);
            }
        }
        return out;
    }
}
